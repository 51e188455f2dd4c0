import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { SettingsSchema } from "~/modules/evaluation/assignment-schema";
import { toShanghaiInput } from "~/modules/scenarios/scenario-dates";
import { useT } from "~/utils/i18n";
import { ErrorList, Field, FormErrors } from "./forms";

type Reply = { intent: string; target: string; result: SubmissionResult<string[]> } | undefined;

/** The due date and the blind-review flag; blind review is fixed once anyone has been assigned. */
export function EvaluationSettingsForm({ dueAt, blindReview, blindLocked, lastResult }: {
  dueAt: string | null; blindReview: boolean; blindLocked: boolean; lastResult: Reply;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "evaluation-settings",
    lastResult: lastResult?.intent === "settings" ? lastResult.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SettingsSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { intent: "settings", dueAt: dueAt ? toShanghaiInput(dueAt) : "", blindReview: blindReview ? "on" : undefined },
  });
  const { key: blindKey, ...blind } = getInputProps(fields.blindReview, { type: "checkbox" });
  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("ea.settings.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="settings" />
        <Field label={t("ea.settings.dueAt")} hint={t("ea.settings.dueHint")} {...getInputProps(fields.dueAt, { type: "datetime-local" })} errors={fields.dueAt.errors} />
        <div className="field">
          <label className="inline-check">
            {/* A locked flag is still posted (hidden) so saving the due date cannot flip it. */}
            <input key={blindKey} {...blind} disabled={blindLocked} /> {t("ea.settings.blind")}
          </label>
          {blindLocked && blindReview ? <input type="hidden" name="blindReview" value="on" /> : null}
          <p className="field-hint">{t(blindLocked ? "ea.settings.blindLocked" : "ea.settings.blindHint")}</p>
          <ErrorList errors={fields.blindReview.errors} />
        </div>
        <button type="submit" className="btn" disabled={busy}>{t("common.save")}</button>
      </Form>
    </section>
  );
}
