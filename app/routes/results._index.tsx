import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MechanismBadge } from "~/components/scenario-badges";
import { localisedText } from "~/components/scenario-list-item";
import { SearchPagination } from "~/components/search-pagination";
import { listResults, resultsPage } from "~/modules/results/results-queries.server";
import { toResponse } from "~/utils/errors.server";
import { formatDate, formatYuan } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "定标结果 Results · 揭榜 Jiebang" }];

// 定标结果：公开页面，无需登录，无需 JavaScript。Awarded scenarios, signed out, paged with plain links.
export async function loader({ request }: LoaderFunctionArgs) {
  try {
    return await listResults(resultsPage(new URL(request.url).searchParams));
  } catch (error) {
    throw toResponse(error);
  }
}

export default function ResultsRoute() {
  const t = useT();
  const locale = useLocale();
  const { results, page, pages, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("rs.title")}</h1>
      <p>{t("rs.intro", { n: total })}</p>
      {results.length === 0 ? <p className="muted">{t("rs.empty")}</p> : (
        <div className="table-wrap" tabIndex={0}>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">{t("rs.col.scenario")}</th>
                <th scope="col">{t("rs.col.winner")}</th>
                <th scope="col">{t("rs.col.amount")}</th>
                <th scope="col">{t("rs.col.date")}</th>
                <th scope="col">{t("rs.col.mechanism")}</th>
                <th scope="col">{t("rs.col.notice")}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.id}>
                  <td>
                    <span className="scenario-code">{r.code}</span>{" "}
                    <Link to={`/scenarios/${r.code}`}>{localisedText(r.title, r.titleEn, locale)}</Link>
                    <br /><span className="muted">{localisedText(r.department, r.departmentEn, locale)}</span>
                  </td>
                  <td>{r.winners.join(locale === "en" ? ", " : "、")}</td>
                  <td>{formatYuan(r.amount, locale)}</td>
                  <td>{formatDate(r.awardedAt, locale)}</td>
                  <td><MechanismBadge mechanism={r.mechanism} raceTeams={r.raceTeams} /></td>
                  <td>
                    <Link to={`/notices/${r.code}`}>{t("rs.notice")}</Link>
                    <br /><span className="muted">{t("rs.objections", { upheld: r.upheld, dismissed: r.dismissed })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t("rs.amountNote")}</p>
      <SearchPagination page={page} pages={pages} href={(p) => `/results?page=${p}`} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
