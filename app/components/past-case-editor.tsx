import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Field, SelectField, TextareaField } from "~/components/forms";
import { CASE_SUMMARY_MAX, CASE_TITLE_MAX, CASE_YEAR_MIN, PAST_CASES_MAX, type ProfileFormShape } from "~/modules/organisations/profile-schema";
import { SECTORS, label } from "~/modules/scenarios/catalog";
import { useLocale, useT } from "~/utils/i18n";
import { RowEditor, RowLabel } from "./row-editor";
import { issueTexts } from "./scenario-form";

type Row = NonNullable<ProfileFormShape["pastCases"]>[number];
const NEW_ROW = { title: "", sector: "", year: "", summary: "" };

/** A vendor's delivered cases, row by row (works without JavaScript: see RowEditor). */
export function PastCaseEditor({ form, list }: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  list: FieldMetadata<Row[] | undefined, any, string[]>;
}) {
  const t = useT();
  const locale = useLocale();
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  const sectors = SECTORS.map((s) => ({ value: s.key, label: label(SECTORS, s.key, locale) }));
  return (
    <RowEditor form={form} list={list} legend={t("pf.f.pastCases")} hint={t("pf.h.pastCases")} errors={errs(list.errors)} newRow={NEW_ROW} max={PAST_CASES_MAX}>
      {(row, index) => {
        const f = row.getFieldset();
        const n = index + 1;
        const { key: titleKey, ...title } = getInputProps(f.title, { type: "text" });
        const { key: sectorKey, ...sector } = getSelectProps(f.sector);
        const { key: yearKey, ...year } = getInputProps(f.year, { type: "number" });
        const { key: summaryKey, ...summary } = getTextareaProps(f.summary);
        return (
          <div className="case-row">
            <Field className="case-title" label={<RowLabel n={n}>{t("pf.f.caseTitle")}</RowLabel>} key={titleKey} {...title} maxLength={CASE_TITLE_MAX} errors={errs(f.title.errors)} />
            <SelectField label={<RowLabel n={n}>{t("pf.f.caseSector")}</RowLabel>} key={sectorKey} {...sector} options={sectors} placeholder={t("pf.f.caseSectorChoose")} errors={errs(f.sector.errors)} />
            <Field label={<RowLabel n={n}>{t("pf.f.caseYear")}</RowLabel>} key={yearKey} {...year} min={CASE_YEAR_MIN} max={new Date().getFullYear() + 1} step={1} inputMode="numeric" errors={errs(f.year.errors)} />
            <TextareaField className="case-summary-field" label={<RowLabel n={n}>{t("pf.f.caseSummary")}</RowLabel>} key={summaryKey} {...summary} rows={2} maxLength={CASE_SUMMARY_MAX} errors={errs(f.summary.errors)} />
          </div>
        );
      }}
    </RowEditor>
  );
}
