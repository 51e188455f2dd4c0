import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { FormErrors, TextareaField } from "~/components/forms";
import { splitIssue } from "~/modules/scenarios/rubric";
import { isFindOrgs, type InvitableOrgs } from "~/modules/scenarios/invitable-orgs";
import { ScenarioAmendSchema, ScenarioEditSchema, ScenarioSchema, type ScenarioFormShape } from "~/modules/scenarios/schema";
import type { ScenarioFormDefaults } from "~/modules/scenarios/scenario-form-values";
import { useT, type MessageKey, type Translate } from "~/utils/i18n";
import { ScenarioFormBasics } from "./scenario-form-basics";
import { ScenarioFormTerms } from "./scenario-form-terms";

export type ScenarioFormMode = "create" | "edit" | "amend";
export type ScenarioFormMeta = ReturnType<typeof useForm<ScenarioFormShape>>[0];
export type ScenarioFields = ReturnType<typeof useForm<ScenarioFormShape>>[1];

const SCHEMAS = { create: ScenarioSchema, edit: ScenarioEditSchema, amend: ScenarioAmendSchema } as const;

/**
 * Validation messages are keys; some carry a number after "@" (a weight total, a limit).
 * Translated here so the generic field components show them as they are.
 */
export function issueTexts(t: Translate, errors: string[] | undefined): string[] | undefined {
  return errors?.map((message) => {
    const { key, param } = splitIssue(message);
    const translated = t(key as MessageKey, param === null ? undefined : { n: param });
    return translated === key ? message : translated;
  });
}

/** A label with the required marker (the marker is for sighted users; the input carries aria-invalid on error). */
export function Req({ children }: { children: ReactNode }) {
  const t = useT();
  return <>{children} <abbr className="required-mark" title={t("common.required")}>*</abbr></>;
}

type Props = {
  mode: ScenarioFormMode;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: ScenarioFormDefaults;
  invitable: InvitableOrgs;
  submitLabel: string;
  cancelHref: string;
};

// One form for create, edit and amend: the same fields and rules, plus the version (edit, amend)
// and a public amendment note (amend). Works without JavaScript; with it, fields validate on blur.
export function ScenarioForm({ mode, lastResult, defaultValue, invitable, submitLabel, cancelHref }: Props) {
  const t = useT();
  const [form, fields] = useForm<ScenarioFormShape>({
    id: `scenario-${mode}`,
    lastResult,
    defaultValue: defaultValue as never,
    // The invitation search posts a half-done form on purpose: nothing to validate then.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: isFindOrgs(formData) ? z.object({}) : SCHEMAS[mode] }) as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="scenario-form">
      {/* Enter in a text field submits with the form's first submit button; the row editors'
          add/remove/move buttons come before the real one, so this copy of it comes first. */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">{submitLabel}</button>
      <FormErrors errors={form.errors} />
      {mode !== "create" ? <input {...getInputProps(fields.version, { type: "hidden" })} /> : null}
      {mode === "amend" ? (
        <TextareaField
          label={<Req>{t("sc.f.note")}</Req>}
          hint={t("sc.h.note")}
          {...getTextareaProps(fields.note)}
          rows={3}
          errors={issueTexts(t, fields.note.errors)}
        />
      ) : null}
      <ScenarioFormBasics fields={fields} invitable={invitable} />
      <ScenarioFormTerms form={form} fields={fields} />
      <div className="actions">
        <button type="submit" className="btn">{submitLabel}</button>
        <Link to={cancelHref} className="btn btn-secondary">{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}
