import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { TextareaField } from "~/components/forms";
import { issueTexts } from "~/components/scenario-form";
import { REOPEN_REASON_MIN, reopenSchema } from "~/modules/evaluation/score-schema";
import { useT } from "~/utils/i18n";

/** The department sends one submitted sheet back with a written reason (works without JavaScript). */
export function ScoreReopenForm({ sheetId, lastResult }: { sheetId: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `reopen-${sheetId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reopenSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <details open={!!lastResult}>
      <summary>{t("es.sum.reopen")}</summary>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="reopen" />
        <input type="hidden" name="sheetId" value={sheetId} />
        <TextareaField label={t("es.sum.reopenReason")} {...getTextareaProps(fields.reason)} rows={3} minLength={REOPEN_REASON_MIN} errors={issueTexts(t, [...(form.errors ?? []), ...(fields.reason.errors ?? [])])} />
        <button type="submit" className="btn btn-danger btn-small" disabled={busy}>{t("es.sum.reopenSubmit")}</button>
      </Form>
    </details>
  );
}
