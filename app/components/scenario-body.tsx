import type { ReactNode } from "react";
import type { ScenarioDetail } from "~/modules/scenarios/scenario-queries.server";
import { useLocale, useT } from "~/utils/i18n";
import { ScenarioRubricTable } from "./scenario-rubric-table";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="scenario-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Lines({ items }: { items: string[] }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{t("common.none")}</p>;
  return <ol>{items.map((item, i) => <li key={`${i}-${item}`}>{item}</li>)}</ol>;
}

function Text({ value }: { value: string }) {
  const t = useT();
  return value ? <p className="pre-line">{value}</p> : <p className="muted">{t("common.none")}</p>;
}

/**
 * The body of a scenario. `descriptionHtml` was rendered from Markdown and sanitised on the server;
 * it is the only HTML injected here.
 */
export function ScenarioBody({ scenario: s, descriptionHtml }: { scenario: ScenarioDetail; descriptionHtml: string }) {
  const t = useT();
  const locale = useLocale();
  const consortium = s.consortiumAllowed ? t("sc.d.consortiumYes", { n: s.consortiumMaxMembers }) : t("sc.d.consortiumNo");
  return (
    <article className="card scenario-body">
      <Section title={t("sc.f.summary")}>
        {locale === "en" && s.summaryEn ? <p lang="en">{s.summaryEn}</p> : null}
        <p lang="zh-CN">{s.summary}</p>
      </Section>
      <Section title={t("sc.f.description")}>
        <div className="prose" lang="zh-CN" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
      </Section>
      <Section title={t("sc.f.kpis")}><Lines items={s.kpis} /></Section>
      <Section title={t("sc.f.acceptanceCriteria")}><Lines items={s.acceptanceCriteria} /></Section>
      <Section title={t("sc.f.openResources")}><Text value={s.openResources} /></Section>
      <Section title={t("sc.d.eligibility")}>
        <Text value={s.eligibility} />
        <p><strong>{t("sc.d.consortium")}</strong> {consortium}</p>
      </Section>
      <Section title={t("sc.f.paymentSchedule")}><Text value={s.paymentSchedule} /></Section>
      <Section title={t("sc.f.rubric")}><ScenarioRubricTable rubric={s.rubric} /></Section>
    </article>
  );
}
