import { ErrorList, Field, TextareaField } from "~/components/forms";
import type { FormFailure } from "~/modules/delivery/delivery-forms.server";
import { useT } from "~/utils/i18n";

/**
 * The delivered case's text (典型案例): a solution summary and one result per KPI. The same fields on
 * the last milestone's acceptance and on the completion form a horse race needs when its last gate
 * is decided after the milestones; the rules are in case-content.ts.
 */
export function DeliveryCaseFields({ kpis, failure, hint }: { kpis: string[]; failure?: FormFailure; hint: string }) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t("dl.case.legend")}</legend>
      <p className="field-hint">{hint}</p>
      <TextareaField label={t("dl.case.solution")} name="solution" rows={4} required defaultValue={failure?.values.solution} errors={failure?.errors.solution} />
      {kpis.map((kpi, i) => (
        <Field key={kpi} label={t("dl.case.result", { kpi })} name={`results[${i}]`} required defaultValue={failure?.values[`results[${i}]`]} />
      ))}
      <ErrorList errors={failure?.errors.results} />
    </fieldset>
  );
}
