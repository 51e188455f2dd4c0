import type { EligibilityIssue } from "~/modules/proposals/eligibility";
import { useT, type MessageKey } from "~/utils/i18n";

/** 递交前检查清单：逐项列出还缺什么。 The pre-submission checklist, item by item. */
export function ProposalEligibility({ issues }: { issues: EligibilityIssue[] | null }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="check-title">
      <h2 id="check-title">{t("pr.check.title")}</h2>
      {!issues || issues.length > 0 ? (
        <>
          <p>{t("pr.check.missing")}</p>
          <ul className="eligibility-list">
            {(issues ?? [{ key: "pv.missing.technicalApproach" }, { key: "pv.missing.team" }, { key: "pv.missing.budget" }, { key: "pv.missing.milestones" }]).map((i) => (
              <li key={i.key}>{t(i.key as MessageKey, i.vars)}</li>
            ))}
          </ul>
        </>
      ) : <p>{t("pr.check.ok")}</p>}
    </section>
  );
}
