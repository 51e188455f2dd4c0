import type { Explanation, ScoreBreakdown } from "../../search/matching/types";
import { termLabel } from "../../search/matching/term-label";
import { DISTRICTS, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { useLocale, useT } from "~/utils/i18n";

/** The 0–100 score as a badge; the breakdown is in the title for those who want the "how". */
export function MatchScore({ score }: { score: ScoreBreakdown }) {
  const t = useT();
  const p = score.parts;
  return (
    <span
      className="badge match-score"
      aria-label={t("match.scoreLabel", { n: score.score })}
      title={t("match.parts", { text: p.text, sector: p.sector, tags: p.tags, cases: p.cases, district: p.district })}
    >
      {t("match.score", { n: score.score })}
    </span>
  );
}

export { termLabel };

/**
 * Why a pair matched, one line per kind of evidence. Only evidence that exists is shown, and the
 * adjustments (verified bonus, "not relevant" penalty) are stated so the number is never a mystery.
 */
export function MatchWhy({ explanation: e, score, district }: { explanation: Explanation; score: ScoreBreakdown; district?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="match-why" aria-label={t("match.why")}>
      {e.matchedTerms.length > 0 ? (
        <div>
          <dt>{t("match.terms")}</dt>
          <dd>
            {e.matchedTerms.map((term) => {
              const text = termLabel(term, locale);
              return <mark key={text} className="match-term">{text}</mark>;
            })}
          </dd>
        </div>
      ) : null}
      {e.matchedProducts.length > 0 ? (
        <div>
          <dt>{t("match.products")}</dt>
          <dd>{e.matchedProducts.map((name) => <span key={name} className="tag">{name}</span>)}</dd>
        </div>
      ) : null}
      {e.sharedSectors.length > 0 ? (
        <div>
          <dt>{t("match.sectors")}</dt>
          <dd>{e.sharedSectors.map((s) => label(SECTORS, s, locale)).join("、")}</dd>
        </div>
      ) : null}
      {e.sharedTags.length > 0 ? (
        <div>
          <dt>{t("match.tags")}</dt>
          <dd>{e.sharedTags.map((tag) => <span key={tag} className="tag">{label(TECH_TAGS, tag, locale)}</span>)}</dd>
        </div>
      ) : null}
      {e.similarCases.length > 0 ? (
        <div>
          <dt>{t("match.cases")}</dt>
          <dd>{e.similarCases.map((c) => t("match.caseYear", { title: c.title, year: c.year })).join("；")}</dd>
        </div>
      ) : null}
      {e.deliveredCases?.length ? (
        <div>
          <dt>{t("match.delivered")}</dt>
          <dd>{e.deliveredCases.map((c) => t("match.caseYear", { title: c.title, year: c.year })).join("；")}</dd>
        </div>
      ) : null}
      {e.districtMatch && district ? <div><dd>{t("match.district", { district: label(DISTRICTS, district, locale) })}</dd></div> : null}
      {score.verifiedBonus > 0 ? <div><dd>{t("match.verifiedBonus", { n: score.verifiedBonus })}</dd></div> : null}
      {score.deliveredBonus ? <div><dd>{t("match.deliveredBonus", { n: score.deliveredBonus })}</dd></div> : null}
      {score.feedbackPenalty > 0 ? <div><dd>{t("match.feedbackPenalty", { n: Math.round(score.feedbackPenalty) })}</dd></div> : null}
    </dl>
  );
}
