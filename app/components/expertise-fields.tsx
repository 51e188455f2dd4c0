import { getCollectionProps, getInputProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { ErrorList, Field, TextareaField } from "~/components/forms";
import { EXPERTISE_MAX, TITLE_MAX, type ExpertiseFormShape } from "~/modules/evaluation/pool-schema";
import { SECTORS, TECH_TAGS, label, type CatalogEntry } from "~/modules/scenarios/catalog";
import { useLocale, useT } from "~/utils/i18n";
import { AffiliationEditor } from "./affiliation-editor";
import { issueTexts } from "./scenario-form";

// The parts of the expert's form that the admin's page and the expert's own page share.

/* eslint-disable @typescript-eslint/no-explicit-any */
type F<T> = FieldMetadata<T, any, string[]>;
type Shape = Required<ExpertiseFormShape>;
export type ExpertiseFieldSet = {
  title: F<Shape["title"] | undefined>;
  expertise: F<Shape["expertise"] | undefined>;
  sectors: F<Shape["sectors"] | undefined>;
  techTags: F<Shape["techTags"] | undefined>;
  affiliations: F<Shape["affiliations"] | undefined>;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

function CheckboxList<K extends string>({ field, list, legend }: { field: F<K[] | undefined>; list: readonly CatalogEntry[]; legend: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checkbox-list">
        {getCollectionProps(field, { type: "checkbox", options: list.map((e) => e.key) }).map(({ key, ...props }) => (
          <label key={key}><input {...props} /> {label(list, props.value, locale)}</label>
        ))}
      </div>
      <ErrorList errors={issueTexts(t, field.errors)} />
    </fieldset>
  );
}

export function ExpertiseFields({ form, fields }: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  fields: ExpertiseFieldSet;
}) {
  const t = useT();
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  const { key: titleKey, ...title } = getInputProps(fields.title, { type: "text" });
  const { key: expertiseKey, ...expertise } = getTextareaProps(fields.expertise);
  return (
    <>
      <fieldset>
        <legend>{t("ep.f.sec.expertise")}</legend>
        <Field key={titleKey} label={t("ep.f.title")} hint={t("ep.h.title")} {...title} maxLength={TITLE_MAX} errors={errs(fields.title.errors)} />
        <TextareaField key={expertiseKey} label={t("ep.f.expertise")} hint={t("ep.h.expertise")} {...expertise} rows={5} maxLength={EXPERTISE_MAX} errors={errs(fields.expertise.errors)} />
        <CheckboxList field={fields.sectors} list={SECTORS} legend={t("ep.f.sectors")} />
        <CheckboxList field={fields.techTags} list={TECH_TAGS} legend={t("ep.f.techTags")} />
      </fieldset>
      <AffiliationEditor form={form} list={fields.affiliations} />
    </>
  );
}
