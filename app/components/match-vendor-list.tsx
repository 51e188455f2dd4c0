import type { LikelyVendor } from "../../search/matching/vendors-for-scenario.server";
import type { MatchResult } from "../../search/matching/types";
import { useT } from "~/utils/i18n";
import { MatchScore, MatchWhy } from "./match-explanation";

/** "Likely vendors" on a department's scenario page: read-only, no feedback from departments yet. */
export function MatchVendorSection({ result, district }: { result: MatchResult<LikelyVendor>; district: string }) {
  const t = useT();
  return (
    <section className="card match-section" aria-labelledby="match-vendors-title">
      <h2 id="match-vendors-title">{t("match.dept.title")}</h2>
      <p className="muted">{t("match.dept.intro")}</p>
      {result.status === "unavailable" ? (
        <p className="status-banner" role="status">{t("match.unavailable")}</p>
      ) : result.matches.length === 0 ? (
        <p role="status">{t("match.dept.empty")}</p>
      ) : (
        <ol className="match-list">
          {result.matches.map(({ item, explanation, score }) => (
            <li key={item.id} className="match-item">
              <div className="meta-row">
                <MatchScore score={score} />
                <span>{t(`orgType.${item.type === "institute" ? "institute" : "vendor"}`)}</span>
                {item.verified ? <span className="badge badge-verified">{t("admin.orgs.verified")}</span> : null}
              </div>
              <h3>{item.name}</h3>
              <MatchWhy explanation={explanation} score={score} district={district} />
            </li>
          ))}
        </ol>
      )}
      {result.status === "ok" && result.belowFloor > 0 ? (
        <p className="muted">{t("match.belowFloor", { n: result.belowFloor })}</p>
      ) : null}
    </section>
  );
}
