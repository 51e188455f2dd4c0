import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { statsPage } from "~/modules/stats/stats-page.server";
import { STAGES } from "~/modules/stats/stages";
import { formatDateTime, formatYuan } from "~/utils/format";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import styles from "~/styles/stats.css";

export const meta: MetaFunction = () => [{ title: "数据统计 Statistics · 揭榜 Jiebang" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  return statsPage(locale);
}

export default function StatsPage() {
  const t = useT();
  const locale = useLocale();
  const { stats, tables } = useLoaderData<typeof loader>();
  const { totals, proposals, daysToAward, targets } = stats;
  return (
    <section aria-labelledby="stats-title" className="stats-page">
      <h1 id="stats-title">{t("st.title")}</h1>
      <p className="muted">{t("st.intro", { date: formatDateTime(stats.asOf, locale) })}</p>

      <h2>{t("st.summary")}</h2>
      <dl className="stats-summary">
        {STAGES.map((s) => (
          <div key={s} className="stats-figure"><dt>{t(`st.stage.${s}`)}</dt><dd>{totals[s]}</dd></div>
        ))}
        <div className="stats-figure"><dt>{t("st.budget")}</dt><dd>{formatYuan(totals.budget, locale)}</dd></div>
        <div className="stats-figure"><dt>{t("st.awardedBudget")}</dt><dd>{formatYuan(totals.awardedBudget, locale)}</dd></div>
      </dl>
      <p className="muted small">{t("st.budgetNote")}</p>
      <dl className="stats-facts">
        <dt>{t("st.proposalsPer")}</dt>
        <dd>
          {proposals.scenarios === 0 ? t("st.proposalsNone") : t("st.proposalsPerValue", { mean: proposals.mean ?? 0, median: proposals.median ?? 0, n: proposals.scenarios, total: proposals.proposals })}
          <div className="muted small">{t("st.proposalsNote")}</div>
        </dd>
        <dt>{t("st.daysToAward")}</dt>
        <dd>
          {daysToAward.median === null ? t("st.daysToAwardNone") : t("st.daysToAwardValue", { days: daysToAward.median, n: daysToAward.n })}
          <div className="muted small">{t("st.daysToAwardNote", { n: daysToAward.n, awarded: totals.awarded })}</div>
        </dd>
      </dl>

      <h2 id="targets">{t("st.targets")}</h2>
      <p className="muted">{t("st.targetsIntro")}</p>
      <ul className="stats-targets">
        {targets.map((g) => {
          const name = t(`st.target.${g.id}` as MessageKey);
          const source = g.source;
          return (
            <li key={g.id} className="stats-target">
              <h3>{name}</h3>
              <p>
                <meter min={0} max={g.figure} value={Math.min(g.actual, g.figure)} aria-label={name}>{g.percent}%</meter>{" "}
                {t("st.targetValue", { actual: g.actual, figure: g.figure, percent: g.percent, by: g.by })}
              </p>
              <p className="small">{t("st.targetMeasure", { measure: t(`st.stage.${g.measure}`), scope: t(`st.scope.${g.scope}`) })}</p>
              <blockquote className="stats-quote" lang={locale === "en" ? "en" : "zh-CN"}>“{locale === "en" ? source.quote.en : source.quote.zh}”</blockquote>
              <p className="small">
                {t("st.source")}：<cite>{locale === "en" ? source.en : source.zh}</cite>, {locale === "en" ? source.issuer.en : source.issuer.zh}
                {source.docNo ? `, ${source.docNo}` : ""}, <time dateTime={source.date}>{source.date}</time>
              </p>
            </li>
          );
        })}
      </ul>

      {totals.published === 0 ? <p className="card">{t("st.empty")}</p> : null}
      {tables.map((table) => (
        <section key={table.id} aria-labelledby={`chart-${table.id}`} className="stats-chart">
          <h2 id={`chart-${table.id}`}>{table.title}</h2>
          {table.svg ? <figure className="stats-svg" dangerouslySetInnerHTML={{ __html: table.svg }} /> : null}
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption>{t("st.table", { title: table.title })}</caption>
              <thead><tr>{table.header.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={r}>{row.map((cell, c) => (c === 0 ? <th key={c} scope="row">{cell}</th> : <td key={c}>{cell}</td>))}</tr>
                ))}
              </tbody>
            </table>
          </div>
          <p><a href={`/stats/csv/${table.id}`} download>{t("st.csv", { title: table.title })}</a></p>
        </section>
      ))}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
