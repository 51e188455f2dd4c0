import { getInputProps, getTextareaProps } from "@conform-to/react";
import { ErrorList, Field, TextareaField } from "~/components/forms";
import { MAX_NOTICE_DAYS, MIN_NOTICE_DAYS } from "~/modules/awards/notice-period";
import { LINE_MAX_LENGTH, LINES_MAX, OBJECTION_CONTACT_MAX_LENGTH, PASS_MARK_MAX } from "~/modules/scenarios/schema";
import { useT } from "~/utils/i18n";
import { issueTexts, Req, type ScenarioFields, type ScenarioFormMeta } from "./scenario-form";
import { ScenarioRubricEditor } from "./scenario-rubric-editor";
import { TextListEditor } from "./text-list-editor";

/** The terms: money, resources, KPIs and acceptance, eligibility, contact, dates and the rubric. */
export function ScenarioFormTerms({ form, fields }: { form: ScenarioFormMeta; fields: ScenarioFields }) {
  const t = useT();
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  const { key: consortiumKey, ...consortium } = getInputProps(fields.consortiumAllowed, { type: "checkbox" });
  const { key: evaluatorNamesKey, ...evaluatorNames } = getInputProps(fields.showEvaluatorNames, { type: "checkbox" });
  const list = { form, max: LINES_MAX, maxLength: LINE_MAX_LENGTH, hint: t("sc.h.lines"), translate: errs };
  return (
    <>
      <fieldset>
        <legend>{t("sc.sec.budget")}</legend>
        <p className="field-hint">{t("sc.h.budget")}</p>
        <div className="form-grid">
          <Field label={t("sc.f.budgetMin")} {...getInputProps(fields.budgetMin, { type: "number" })} min={0} step="0.0001" inputMode="decimal" errors={errs(fields.budgetMin.errors)} />
          <Field label={t("sc.f.budgetMax")} {...getInputProps(fields.budgetMax, { type: "number" })} min={0} step="0.0001" inputMode="decimal" errors={errs(fields.budgetMax.errors)} />
        </div>
        <TextareaField label={t("sc.f.paymentSchedule")} hint={t("sc.h.paymentSchedule")} {...getTextareaProps(fields.paymentSchedule)} rows={3} errors={errs(fields.paymentSchedule.errors)} />
        <TextareaField label={t("sc.f.openResources")} hint={t("sc.h.openResources")} {...getTextareaProps(fields.openResources)} rows={4} errors={errs(fields.openResources.errors)} />
      </fieldset>

      <fieldset>
        <legend>{t("sc.sec.requirements")}</legend>
        <TextListEditor {...list} list={fields.kpis} legend={t("sc.f.kpis")} />
        <TextListEditor {...list} list={fields.acceptanceCriteria} legend={t("sc.f.acceptanceCriteria")} />
        <TextareaField label={t("sc.f.eligibility")} {...getTextareaProps(fields.eligibility)} rows={3} errors={errs(fields.eligibility.errors)} />
        <div className="field">
          <label className="inline-check">
            <input key={consortiumKey} {...consortium} /> {t("sc.f.consortiumAllowed")}
          </label>
          <ErrorList errors={errs(fields.consortiumAllowed.errors)} />
        </div>
        <Field label={t("sc.f.consortiumMaxMembers")} hint={t("sc.h.consortiumMaxMembers")} {...getInputProps(fields.consortiumMaxMembers, { type: "number" })} min={0} max={10} step={1} inputMode="numeric" errors={errs(fields.consortiumMaxMembers.errors)} />
        <TextListEditor {...list} list={fields.responsibleUnits} legend={t("sc.f.responsibleUnits")} />
      </fieldset>

      <fieldset>
        <legend>{t("sc.sec.contact")}</legend>
        <div className="form-grid">
          <Field label={<Req>{t("sc.f.contactName")}</Req>} {...getInputProps(fields.contactName, { type: "text" })} autoComplete="name" errors={errs(fields.contactName.errors)} />
          <Field label={<Req>{t("sc.f.contactPhone")}</Req>} {...getInputProps(fields.contactPhone, { type: "tel" })} autoComplete="tel" errors={errs(fields.contactPhone.errors)} />
          <Field label={<Req>{t("sc.f.contactEmail")}</Req>} {...getInputProps(fields.contactEmail, { type: "email" })} autoComplete="email" errors={errs(fields.contactEmail.errors)} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("sc.sec.schedule")}</legend>
        <div className="form-grid">
          <Field label={<Req>{t("sc.f.deadline")}</Req>} hint={t("sc.h.deadline")} {...getInputProps(fields.deadline, { type: "datetime-local" })} errors={errs(fields.deadline.errors)} />
          <Field label={t("sc.f.projectMonths")} hint={t("sc.h.projectMonths")} {...getInputProps(fields.projectMonths, { type: "number" })} min={1} max={120} step={1} inputMode="numeric" errors={errs(fields.projectMonths.errors)} />
        </div>
      </fieldset>

      {/* The pass mark is always rendered (the form works without JavaScript); its hint says it only
          applies to 定向委托, and the schema requires it only then. */}
      <fieldset>
        <legend>{t("aw.settings")}</legend>
        <div className="form-grid">
          <Field label={t("aw.f.passMark")} hint={t("aw.f.passMarkHint")} {...getInputProps(fields.passMark, { type: "number" })} min={0} max={PASS_MARK_MAX} step="0.1" inputMode="decimal" errors={errs(fields.passMark.errors)} />
          <Field label={t("aw.f.noticeDays")} hint={t("aw.f.noticeDaysHint")} {...getInputProps(fields.noticeDays, { type: "number" })} min={MIN_NOTICE_DAYS} max={MAX_NOTICE_DAYS} step={1} inputMode="numeric" errors={errs(fields.noticeDays.errors)} />
        </div>
        <Field label={t("aw.f.objectionContact")} hint={t("aw.f.objectionContactHint")} {...getInputProps(fields.objectionContact, { type: "text" })} maxLength={OBJECTION_CONTACT_MAX_LENGTH} errors={errs(fields.objectionContact.errors)} />
        <div className="field">
          <label className="inline-check">
            <input key={evaluatorNamesKey} {...evaluatorNames} /> {t("aw.f.showEvaluatorNames")}
          </label>
          <p className="field-hint">{t("aw.f.showEvaluatorNamesHint")}</p>
          <ErrorList errors={errs(fields.showEvaluatorNames.errors)} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t("sc.sec.rubric")}</legend>
        <ScenarioRubricEditor form={form} fields={fields} />
      </fieldset>
    </>
  );
}
