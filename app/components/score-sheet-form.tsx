import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useAutosave } from "./use-autosave";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { issueTexts } from "~/components/scenario-form";
import { sheetTotal } from "~/modules/evaluation/aggregate";
import { JUSTIFICATION_MIN, scoreSheetSchema, type ScoreSheetShape } from "~/modules/evaluation/score-schema";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

export type { AutosaveReply as ScoreAutosaveReply } from "./use-autosave";

type Criterion = { id: string; position: number; name: string; guidance: string; weight: number; maxScore: number };
type Sheet = { status: "draft" | "submitted"; version: number; comment: string; scores: { criterionId: string; value: number | null; justification: string }[] } | null;

type Props = { criteria: Criterion[]; sheet: Sheet; lastResult: SubmissionResult<string[]> | null | undefined; editable: boolean };


function defaults(criteria: Criterion[], sheet: Sheet) {
  return {
    comment: sheet?.comment ?? "",
    scores: criteria.map((c) => {
      const s = sheet?.scores.find((x) => x.criterionId === c.id);
      return { criterionId: c.id, value: s?.value == null ? "" : String(s.value), justification: s?.justification ?? "" };
    }),
  };
}

/**
 * A hand-made post can send the rows as one bare value (`scores=x`, `scores[0]=8`): the form then
 * starts again from the saved rows, since conform cannot read such a value as rows.
 */
function withReadableRows(result: Props["lastResult"], saved: ReturnType<typeof defaults>["scores"]): Props["lastResult"] {
  const rows = result?.initialValue?.scores;
  if (!result?.initialValue || rows === undefined) return result;
  const readable = Array.isArray(rows) && rows.every((row: unknown) => row !== null && typeof row === "object" && !Array.isArray(row));
  return readable ? result : { ...result, initialValue: { ...result.initialValue, scores: saved } };
}

/**
 * The evaluator's score form: per criterion a score and a justification, then an overall comment.
 * Without JavaScript "save draft" and "submit" are plain posts; with it the same form is posted with
 * intent=autosave after a pause in typing. The version follows every save, so two tabs never silently
 * overwrite each other (409). A submitted sheet shows the same fields, disabled.
 */
export function ScoreSheetForm({ criteria, sheet, lastResult, editable }: Props) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const version = sheet?.version ?? 0;
  const { formRef, versionRef, savedAt, saving, failed: autosaveFailed, scheduleAutosave, cancelOnRealSubmit } = useAutosave(version, editable);
  const initial = defaults(criteria, sheet);
  const [form, fields] = useForm<ScoreSheetShape>({
    id: "score-sheet",
    lastResult: withReadableRows(lastResult, initial.scores),
    defaultValue: initial as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scoreSheetSchema(criteria) }) as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });


  const formProps = getFormProps(form);
  const onSubmit: typeof formProps.onSubmit = (event) => {
    cancelOnRealSubmit(event);
    formProps.onSubmit(event);
  };

  const rows = fields.scores.getFieldList();
  const saved = sheet?.scores ?? [];
  const complete = criteria.every((c) => saved.some((s) => s.criterionId === c.id && s.value != null));
  const total = complete ? sheetTotal(criteria, Object.fromEntries(saved.map((s) => [s.criterionId, s.value ?? 0]))) : null;

  return (
    <Form method="post" {...formProps} onSubmit={onSubmit} ref={formRef} onInput={scheduleAutosave} className="score-sheet-form" aria-labelledby="score-sheet-title">
      <h2 id="score-sheet-title">{t("es.form.title")}</h2>
      <FormErrors errors={issueTexts(t, form.errors)} />
      <input ref={versionRef} type="hidden" name="version" defaultValue={version} />
      <fieldset disabled={!editable} className="score-fields">
        {rows.map((row, i) => {
          const c = criteria[i]!;
          const f = row.getFieldset();
          return (
            <fieldset key={row.key} className="score-criterion">
              <legend>{c.position + 1}. {c.name}</legend>
              <p className="muted small">{t("es.form.weight", { n: c.weight })} · {t("es.form.max", { n: c.maxScore })}</p>
              {c.guidance ? <p className="field-hint pre-line">{c.guidance}</p> : null}
              <input {...getInputProps(f.criterionId, { type: "hidden" })} />
              <Field label={t("es.form.score", { n: c.maxScore })} {...getInputProps(f.value, { type: "number" })} step="0.5" min="0" max={c.maxScore} inputMode="decimal" errors={issueTexts(t, f.value.errors)} />
              <TextareaField label={t("es.form.justification")} hint={t("es.form.justificationHint", { n: JUSTIFICATION_MIN })} {...getTextareaProps(f.justification)} rows={3} errors={issueTexts(t, f.justification.errors)} />
            </fieldset>
          );
        })}
        <TextareaField label={t("es.form.comment")} {...getTextareaProps(fields.comment)} rows={4} errors={issueTexts(t, fields.comment.errors)} />
      </fieldset>
      {total !== null ? <p className="score-total"><strong>{t("es.form.total")}：</strong><span data-testid="sheet-total">{total}</span></p> : null}
      {editable ? (
        <>
          <p className="field-hint">{t("es.form.submitNote")}</p>
          <div className="actions form-actions-sticky">
            <button type="submit" name="intent" value="save" className="btn btn-secondary" disabled={busy || saving}>{t("es.form.save")}</button>
            <button type="submit" name="intent" value="submit" className="btn" disabled={busy || saving}>{t("es.form.submit")}</button>
            <span aria-live="polite" className="muted autosave-status">
              {savedAt ? t("es.form.autosaved", { n: formatDateTime(savedAt, locale).slice(-5) }) : null}
              {autosaveFailed ? t("es.form.autosaveFailed") : null}
            </span>
          </div>
        </>
      ) : null}
    </Form>
  );
}
