import { Form, Link, useNavigation } from "@remix-run/react";
import type { RecommendedScenario } from "../../search/matching/scenarios-for-vendor.server";
import type { MatchResult } from "../../search/matching/types";
import { SECTORS, label } from "~/modules/scenarios/catalog";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { MatchScore, MatchWhy } from "./match-explanation";
import { localisedText } from "./scenario-list-item";

/** The field names the vendor home's action reads (see NotRelevantSchema there). */
export const NOT_RELEVANT_INTENT = "not-relevant";

/**
 * Recommended scenarios on the vendor home. Each has a plain POST form to mark it "not relevant",
 * so it works without JavaScript; with JavaScript Remix submits it in place and reloads the list.
 */
export function MatchScenarioSection({ result }: { result: MatchResult<RecommendedScenario> }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const pendingId = navigation.state !== "idle" ? navigation.formData?.get("scenarioId") : null;
  return (
    <section className="card match-section" aria-labelledby="match-scenarios-title">
      <h2 id="match-scenarios-title">{t("match.vendor.title")}</h2>
      <p className="muted">{t("match.vendor.intro")}</p>
      {result.status === "unavailable" ? (
        <p className="status-banner" role="status">{t("match.unavailable")}</p>
      ) : result.matches.length === 0 ? (
        <p role="status">{t("match.vendor.empty")}</p>
      ) : (
        <ol className="match-list">
          {result.matches.map(({ item, explanation, score }) => {
            const title = localisedText(item.title, item.titleEn, locale);
            return (
              <li key={item.id} className="match-item" hidden={pendingId === item.id}>
                <div className="meta-row">
                  <MatchScore score={score} />
                  <span className="scenario-code">{item.code}</span>
                  <span>{label(SECTORS, item.sector, locale)}</span>
                  <span>{t("match.deadline", { date: formatDateTime(item.deadline, locale) })}</span>
                </div>
                <h3><Link to={`/scenarios/${item.code}`}>{title}</Link></h3>
                <p className="muted">{t("match.department", { name: item.departmentName })}</p>
                <MatchWhy explanation={explanation} score={score} district={item.district} />
                <Form method="post" className="match-dismiss" preventScrollReset>
                  <input type="hidden" name="intent" value={NOT_RELEVANT_INTENT} />
                  <input type="hidden" name="scenarioId" value={item.id} />
                  <button type="submit" className="btn btn-secondary btn-small" aria-label={t("match.notRelevantLabel", { title })}>
                    {t("match.notRelevant")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ol>
      )}
      {result.status === "ok" && result.belowFloor > 0 ? (
        <p className="muted">{t("match.belowFloor", { n: result.belowFloor })}</p>
      ) : null}
      <p><Link to="/scenarios">{t("match.vendorLink")}</Link></p>
    </section>
  );
}
