import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/forms";
import {
  COOPERATION_MODES, DISTRICTS, MECHANISMS, NEED_TYPES, SECTORS, TECH_TAGS, label, type CatalogEntry,
} from "~/modules/scenarios/catalog";
import { useLocale, useT, type Locale } from "~/utils/i18n";
import type { InvitableOrgs } from "~/modules/scenarios/invitable-orgs";
import { InvitedOrgPicker } from "./invited-org-picker";
import { issueTexts, Req, type ScenarioFields } from "./scenario-form";

function options(list: readonly CatalogEntry[], locale: Locale) {
  return list.map((e) => ({ value: e.key, label: label(list, e.key, locale) }));
}

/** What the scenario is: titles, texts, classification and the mechanism with its team count or invitees. */
export function ScenarioFormBasics({ fields, invitable }: { fields: ScenarioFields; invitable: InvitableOrgs }) {
  const t = useT();
  const locale = useLocale();
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  return (
    <>
      <fieldset>
        <legend>{t("sc.sec.basics")}</legend>
        <Field label={<Req>{t("sc.f.title")}</Req>} {...getInputProps(fields.title, { type: "text" })} maxLength={120} errors={errs(fields.title.errors)} />
        <Field label={t("sc.f.titleEn")} hint={t("sc.h.english")} {...getInputProps(fields.titleEn, { type: "text" })} lang="en" maxLength={200} errors={errs(fields.titleEn.errors)} />
        <TextareaField label={<Req>{t("sc.f.summary")}</Req>} hint={t("sc.h.summary")} {...getTextareaProps(fields.summary)} rows={3} maxLength={500} errors={errs(fields.summary.errors)} />
        <TextareaField label={t("sc.f.summaryEn")} hint={t("sc.h.english")} {...getTextareaProps(fields.summaryEn)} lang="en" rows={3} errors={errs(fields.summaryEn.errors)} />
        <TextareaField label={<Req>{t("sc.f.description")}</Req>} hint={t("sc.h.description")} {...getTextareaProps(fields.description)} rows={12} errors={errs(fields.description.errors)} />
        <div className="form-grid">
          <SelectField label={<Req>{t("sc.f.sector")}</Req>} {...getSelectProps(fields.sector)} placeholder={t("sc.choose")} options={options(SECTORS, locale)} errors={errs(fields.sector.errors)} />
          <SelectField label={<Req>{t("sc.f.district")}</Req>} {...getSelectProps(fields.district)} placeholder={t("sc.choose")} options={options(DISTRICTS, locale)} errors={errs(fields.district.errors)} />
          <SelectField label={<Req>{t("sc.f.needType")}</Req>} {...getSelectProps(fields.needType)} placeholder={t("sc.choose")} options={options(NEED_TYPES, locale)} errors={errs(fields.needType.errors)} />
          <SelectField label={t("sc.f.cooperationMode")} {...getSelectProps(fields.cooperationMode)} placeholder={t("sc.unspecified")} options={options(COOPERATION_MODES, locale)} errors={errs(fields.cooperationMode.errors)} />
        </div>
        <fieldset>
          <legend>{t("sc.f.techTags")}</legend>
          <div className="checkbox-list">
            {getCollectionProps(fields.techTags, { type: "checkbox", options: TECH_TAGS.map((e) => e.key) }).map(({ key, ...props }) => (
              <label key={key}><input {...props} /> {label(TECH_TAGS, props.value, locale)}</label>
            ))}
          </div>
          <ErrorList errors={errs(fields.techTags.errors)} />
        </fieldset>
      </fieldset>

      <fieldset>
        <legend><Req>{t("sc.f.mechanism")}</Req></legend>
        <p className="field-hint">{t("sc.h.mechanism")}</p>
        <div className="checkbox-list">
          {getCollectionProps(fields.mechanism, { type: "radio", options: MECHANISMS.map((e) => e.key) }).map(({ key, ...props }) => (
            <label key={key}><input {...props} /> {label(MECHANISMS, props.value, locale)}</label>
          ))}
        </div>
        <ErrorList errors={errs(fields.mechanism.errors)} />
        <Field label={t("sc.f.raceTeams")} hint={t("sc.h.raceTeams")} {...getInputProps(fields.raceTeams, { type: "number" })} min={2} max={20} step={1} inputMode="numeric" errors={errs(fields.raceTeams.errors)} />
        <InvitedOrgPicker field={fields.invitedOrgIds} invitable={invitable} errors={errs(fields.invitedOrgIds.errors)} />
      </fieldset>
    </>
  );
}
