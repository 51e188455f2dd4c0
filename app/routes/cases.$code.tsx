import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublicCase } from "~/modules/delivery/case-queries.server";
import { DISTRICTS, SECTORS, label } from "~/modules/scenarios/catalog";
import { invariantResponse } from "~/utils/errors.server";
import { formatDate } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

// 典型案例页：问题、方案、对照指标的成效、揭榜单位、实施周期。公开，无附件。
// A delivered case: the problem, the solution, results against the KPIs, the vendors, the period. Public, no files.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · 典型案例 Delivered case · 揭榜 Jiebang` : "揭榜 Jiebang" },
  ...(data ? [{ name: "description", content: data.problem.slice(0, 160) }] : []),
];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await getPublicCase(params.code ?? "");
  invariantResponse(found, 404);
  return found;
}

export default function CaseRoute() {
  const t = useT();
  const locale = useLocale();
  const c = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="case-title">
      <p className="meta-row"><Link to="/cases">{t("dl.cases.back")}</Link><span className="scenario-code">{c.code}</span><span className="badge badge-completed">{t("dl.case.badge")}</span></p>
      <h1 id="case-title">{locale === "en" && c.titleEn ? c.titleEn : c.title}</h1>
      <dl className="facts">
        <dt>{t("dl.case.department")}</dt><dd>{locale === "en" && c.department.nameEn ? c.department.nameEn : c.department.name}</dd>
        <dt>{t("dl.case.vendors")}</dt>
        <dd>{c.vendors.map((v, i) => <span key={v.id}>{i ? "、" : ""}<Link to={`/vendors/${v.id}`}>{locale === "en" && v.nameEn ? v.nameEn : v.name}</Link></span>)}</dd>
        <dt>{t("dl.case.sector")}</dt><dd>{label(SECTORS, c.sector, locale)} · {label(DISTRICTS, c.district, locale)}</dd>
        <dt>{t("dl.case.period")}</dt><dd>{formatDate(c.periodStart, locale)} – {formatDate(c.periodEnd, locale)}</dd>
      </dl>
      <section aria-labelledby="case-problem">
        <h2 id="case-problem">{t("dl.case.problem")}</h2>
        <p className="pre-line">{locale === "en" && c.summaryEn ? c.summaryEn : c.problem}</p>
      </section>
      <section aria-labelledby="case-solution">
        <h2 id="case-solution">{t("dl.case.solutionHeading")}</h2>
        <p className="pre-line">{c.solution}</p>
      </section>
      <section aria-labelledby="case-results">
        <h2 id="case-results">{t("dl.case.results")}</h2>
        <table className="table">
          <thead><tr><th scope="col">{t("dl.case.kpi")}</th><th scope="col">{t("dl.case.achieved")}</th></tr></thead>
          <tbody>{c.results.map((r) => <tr key={r.kpi}><td>{r.kpi}</td><td>{r.result}</td></tr>)}</tbody>
        </table>
      </section>
      <p><Link to={`/scenarios/${c.code}#delivery`}>{t("dl.case.scenarioLink")}</Link></p>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
