import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import type { Exclusion, ExclusionReason, Suggestion } from "~/modules/evaluation/evaluator-suggestions.server";
import { SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";
import { FormErrors } from "./forms";

type Reply = { intent: string; target: string; result: SubmissionResult<string[]> } | undefined;

function AssignButton({ userId, name, lastResult, disabled }: { userId: string; name: string; lastResult: Reply; disabled: boolean }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form] = useForm({ id: `assign-${userId}`, lastResult: lastResult?.intent === "assign" && lastResult.target === userId ? lastResult.result : undefined });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="evaluatorId" value={userId} />
      <button type="submit" className="btn btn-secondary" disabled={busy || disabled} aria-label={t("ea.suggest.assignNamed", { name })}>
        {t("ea.suggest.assign")}
      </button>
    </Form>
  );
}

/** Why an expert fits: each part of the score with the evidence behind it. */
function FitWhy({ s }: { s: Suggestion }) {
  const t = useT();
  const locale = useLocale();
  const { fit } = s.score;
  return (
    <dl className="match-why" aria-label={t("ea.suggest.why")}>
      <div>
        <dt>{t("ea.suggest.sector", { n: fit.parts.sector })}</dt>
        <dd>{fit.sharedSectors.length > 0 ? fit.sharedSectors.map((k) => label(SECTORS, k, locale)).join("、") : t("common.none")}</dd>
      </div>
      <div>
        <dt>{t("ea.suggest.tags", { n: fit.parts.tags })}</dt>
        <dd>{fit.sharedTags.length > 0 ? fit.sharedTags.map((k) => <span key={k} className="tag">{label(TECH_TAGS, k, locale)}</span>) : t("common.none")}</dd>
      </div>
      <div>
        <dt>{t("ea.suggest.text", { n: fit.parts.text })}</dt>
        <dd>{fit.matchedTerms.length > 0 ? fit.matchedTerms.map((term) => <mark key={term} className="match-term">{term}</mark>) : t("common.none")}</dd>
      </div>
    </dl>
  );
}

export function SuggestionList({ suggestions, canAssign, lastResult }: { suggestions: Suggestion[]; canAssign: boolean; lastResult: Reply }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="suggest-title">
      <h2 id="suggest-title">{t("ea.suggest.title")}</h2>
      <p className="muted">{t("ea.suggest.intro")}</p>
      {!canAssign ? <p className="status-banner" role="note">{t("ea.suggest.needDue")}</p> : null}
      {suggestions.length === 0 ? (
        <p role="status">{t("ea.suggest.empty")}</p>
      ) : (
        <ol className="match-list">
          {suggestions.map((s) => (
            <li key={s.userId} className="match-item" data-testid="suggestion">
              <div className="meta-row">
                <span className="badge match-score" title={t("ea.suggest.rankHint", { rank: s.score.rank })}>{t("ea.suggest.fit", { n: s.score.fit.score })}</span>
                <span className={s.score.load.full ? "badge badge-cancelled" : "badge"}>
                  {t(s.score.load.full ? "ea.suggest.loadFull" : "ea.suggest.load", { active: s.score.load.active, max: s.score.load.max })}
                </span>
                <span className="badge badge-published">{t("ea.suggest.noConflict")}</span>
              </div>
              <h3>{s.name}{s.title ? <span className="muted small"> · {s.title}</span> : null}</h3>
              <FitWhy s={s} />
              <AssignButton userId={s.userId} name={s.name} lastResult={lastResult} disabled={!canAssign} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const LINK_KEYS: Record<string, MessageKey> = {
  parent: "ea.link.parent", subsidiary: "ea.link.subsidiary", shareholder: "ea.link.shareholder", same_group: "ea.link.same_group",
};

export function ReasonText({ r }: { r: Pick<ExclusionReason, "kind" | "orgName" | "partyName" | "link"> }) {
  const t = useT();
  if (r.kind === "linked_org") return <>{t("ea.reason.linked", { org: r.orgName, party: r.partyName, link: t(LINK_KEYS[r.link ?? ""] ?? "ea.link.same_group") })}</>;
  return <>{t(r.kind === "own_org" ? "ea.reason.ownOrg" : "ea.reason.consortium", { org: r.orgName })}</>;
}

export function ExcludedList({ excluded }: { excluded: Exclusion[] }) {
  const t = useT();
  if (excluded.length === 0) return null;
  return (
    <section className="card" aria-labelledby="excluded-title">
      <h2 id="excluded-title">{t("ea.excluded.title")}</h2>
      <p className="muted">{t("ea.excluded.intro")}</p>
      <ul>
        {excluded.map((e) => (
          <li key={e.userId} data-testid="excluded">
            <strong>{e.name}</strong>{e.title ? <span className="muted small"> · {e.title}</span> : null}
            <ul>
              {e.reasons.map((r, i) => (
                <li key={i}>{t("ea.proposalLabel", { label: r.proposalLabel })}：<ReasonText r={r} /></li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
