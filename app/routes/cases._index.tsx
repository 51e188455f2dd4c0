import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SECTORS, label } from "~/modules/scenarios/catalog";
import { formatDate } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { searchCases } from "../../search/case-search.server";

// 典型案例：已验收交付的场景，公开、可检索（中英文）。 Delivered cases: public and searchable.

export const meta: MetaFunction = () => [{ title: "典型案例 Delivered cases · 揭榜 Jiebang" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  return { q, result: await searchCases(q) };
}

export default function CasesRoute() {
  const t = useT();
  const locale = useLocale();
  const { q, result } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t("dl.cases.title")}</h1>
      <p>{t("dl.cases.intro")}</p>
      <Form method="get" role="search" className="search-bar">
        <label htmlFor="cases-q">{t("dl.cases.search")}</label>
        <input id="cases-q" type="search" name="q" defaultValue={q} />
        <button type="submit" className="btn">{t("dl.cases.searchSubmit")}</button>
      </Form>
      {result.mode === "fallback" ? <p className="notice" role="note">{t("dl.cases.fallback")}</p> : null}
      <p>{t("dl.cases.count", { n: result.total })}</p>
      {result.hits.length === 0 ? <p className="muted">{t("dl.cases.none")}</p> : (
        <ul className="case-list">
          {result.hits.map((c) => (
            <li key={c.code} className="card">
              <h2><Link to={`/cases/${c.code}`}>{locale === "en" && c.titleEn ? c.titleEn : c.title}</Link></h2>
              <p className="meta-row">
                <span className="scenario-code">{c.code}</span>
                <span>{label(SECTORS, c.sector, locale)}</span>
                <span>{c.departmentName}</span>
                <span>{formatDate(new Date(c.completedAt * 1000), locale)}</span>
              </p>
              <p>{t("dl.case.vendors")}：{c.vendorNames.join("、")}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
