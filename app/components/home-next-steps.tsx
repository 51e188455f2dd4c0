import { Link } from "@remix-run/react";
import type { NextStep } from "~/modules/home/next-steps.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";
import { localisedText } from "./scenario-list-item";

const KIND: Record<NextStep["kind"], { label: MessageKey; when: MessageKey }> = {
  draftDue: { label: "home.next.draftDue", when: "home.next.deadline" },
  questionToAnswer: { label: "home.next.questionToAnswer", when: "home.next.asked" },
  evaluationToAccept: { label: "home.next.evaluationToAccept", when: "home.next.due" },
  evaluationDue: { label: "home.next.evaluationDue", when: "home.next.due" },
  orgToVerify: { label: "home.next.orgToVerify", when: "home.next.registered" },
};

/** A signed-in user's to-do list; with nothing waiting it says so and points to the workspace. */
export function HomeNextSteps({ steps, home }: { steps: NextStep[]; home: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card next-steps" aria-labelledby="next-title">
      <h2 id="next-title">{t("home.next.title")}</h2>
      {steps.length === 0 ? (
        <p className="muted">{t("home.next.none")}</p>
      ) : (
        <ul className="next-list">
          {steps.map((s, i) => (
            <li key={`${s.kind}-${s.href}-${i}`}>
              <span className={`next-kind next-${s.kind}`}>{t(KIND[s.kind].label)}</span>
              <Link to={s.href}>{localisedText(s.title, s.titleEn, locale)}</Link>
              {s.at ? <span className="muted small">{t(KIND[s.kind].when)} {formatDateTime(s.at, locale)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="small"><Link to={home}>{t("home.next.workspace")}</Link></p>
    </section>
  );
}
