import { Link } from "@remix-run/react";
import { SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { formatBudget, formatDate } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { localisedText } from "./scenario-list-item";
import { termLabel } from "../../search/matching/term-label";
import type { MatchedTerm } from "../../search/matching/types";

export type PreviewItem = {
  id: string; code: string; title: string; titleEn: string | null; sector: string;
  departmentName: string; departmentNameEn: string | null; budgetMin: number | null; budgetMax: number | null;
  deadline: string; amended: boolean;
  reasons: ({ kind: "search"; name: string } | { kind: "recommended"; terms: MatchedTerm[]; tags: string[] })[];
};

/** What a digest would list now, as the mail lists it: grouped by sector, newest first, with why. */
export function DigestPreviewList({ items }: { items: PreviewItem[] }) {
  const t = useT();
  const locale = useLocale();
  const groups = new Map<string, PreviewItem[]>();
  for (const item of items) groups.set(item.sector, [...(groups.get(item.sector) ?? []), item]);
  return (
    <>
      {[...groups].map(([sector, list]) => (
        <section key={sector} aria-label={label(SECTORS, sector, locale)}>
          <h3>{t("dg.group", { sector: label(SECTORS, sector, locale), n: list.length })}</h3>
          <ul className="scenario-list">
            {list.map((item) => (
              <li key={item.id} className="scenario-item">
                <Link to={`/scenarios/${item.code}`}><strong>{localisedText(item.title, item.titleEn, locale)}</strong></Link>
                {item.amended ? <span className="badge">{t("dg.amended")}</span> : null}
                <p className="muted small">
                  {t("dg.item.meta", {
                    department: localisedText(item.departmentName, item.departmentNameEn, locale),
                    budget: formatBudget(item.budgetMin, item.budgetMax, locale),
                    deadline: formatDate(item.deadline, locale),
                  })}
                </p>
                <p className="small">
                  {t("match.why")}：{item.reasons.map((r, i) => (
                    <span key={i} className="tag">
                      {r.kind === "search" ? `“${r.name}”` : [t("dg.recommendations.title"), ...r.terms.map((term) => termLabel(term, locale)), ...r.tags.map((tag) => label(TECH_TAGS, tag, locale))].join(" · ")}
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
