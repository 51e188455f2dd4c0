import type { ReactNode } from "react";
import { COOPERATION_MODES, DISTRICTS, NEED_TYPES, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import type { ScenarioDetail } from "~/modules/scenarios/scenario-queries.server";
import { countdown, formatBudget, formatDate, formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { MechanismBadge } from "./scenario-badges";
import { localisedText } from "./scenario-list-item";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The key facts beside the description: who, where, how much, until when. `now` is the server's clock. */
export function ScenarioFacts({ scenario: s, now }: { scenario: ScenarioDetail; now: string }) {
  const t = useT();
  const locale = useLocale();
  const none = <span className="muted">{t("common.none")}</span>;
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t("sc.d.facts")}</h2>
      <dl className="facts">
        <Fact term={t("sc.d.department")}>{localisedText(s.department.name, s.department.nameEn, locale)}</Fact>
        <Fact term={t("sc.f.mechanism")}><MechanismBadge mechanism={s.mechanism} raceTeams={s.raceTeams} /></Fact>
        {s.mechanism === "directed" ? (
          <Fact term={t("sc.f.invited")}>
            {s.invitedOrgs.length ? s.invitedOrgs.map((o) => localisedText(o.name, o.nameEn, locale)).join(locale === "en" ? "; " : "；") : none}
          </Fact>
        ) : null}
        {s.mechanism === "directed" ? <Fact term={t("aw.d.passMark")}>{s.passMark ?? none}</Fact> : null}
        <Fact term={t("sc.f.sector")}>{label(SECTORS, s.sector, locale)}</Fact>
        <Fact term={t("sc.f.techTags")}>
          {s.techTags.length ? s.techTags.map((tag) => <span key={tag} className="tag">{label(TECH_TAGS, tag, locale)}</span>) : none}
        </Fact>
        <Fact term={t("sc.f.district")}>{label(DISTRICTS, s.district, locale)}</Fact>
        <Fact term={t("sc.f.needType")}>{label(NEED_TYPES, s.needType, locale)}</Fact>
        <Fact term={t("sc.f.cooperationMode")}>{s.cooperationMode ? label(COOPERATION_MODES, s.cooperationMode, locale) : none}</Fact>
        <Fact term={t("sc.budget")}>{formatBudget(s.budgetMin, s.budgetMax, locale)}</Fact>
        <Fact term={t("sc.f.deadline")}>
          <time dateTime={s.deadline}>{formatDateTime(s.deadline, locale)}</time>
          {s.status === "published" ? <strong className="countdown"> {countdown(s.deadline, new Date(now), locale)}</strong> : null}
        </Fact>
        <Fact term={t("sc.d.projectPeriod")}>{s.projectMonths ? t("sc.d.months", { n: s.projectMonths }) : none}</Fact>
        <Fact term={t("aw.d.noticeDays")}>{t("aw.d.noticeDaysValue", { n: s.noticeDays })}</Fact>
        {s.objectionContact ? <Fact term={t("aw.d.objectionContact")}>{s.objectionContact}</Fact> : null}
        <Fact term={t("sc.d.publishedAt")}>{s.publishedAt ? formatDate(s.publishedAt, locale) : none}</Fact>
        <Fact term={t("sc.d.contact")}>
          {s.contactName}
          <br />
          <a href={`tel:${s.contactPhone.replace(/[^\d+]/g, "")}`}>{s.contactPhone}</a>
          <br />
          <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
        </Fact>
        <Fact term={t("sc.f.responsibleUnits")}>
          {s.responsibleUnits.length ? <ul className="plain-list">{s.responsibleUnits.map((u) => <li key={u}>{u}</li>)}</ul> : none}
        </Fact>
      </dl>
    </section>
  );
}
