import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useAutosave } from "./use-autosave";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { proposalSchema, type ConsortiumRule, type ProposalFormShape } from "~/modules/proposals/schema";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { issueTexts } from "./scenario-form";
import { ConsortiumEditor, MilestoneEditor } from "./proposal-row-editors";

export type { AutosaveReply } from "./use-autosave";

type Props = {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: ProposalFormShape;
  version: number;
  rule: ConsortiumRule;
  budgetHint: string;
  editable: boolean;
  submitLabel: string;
};


// 没有 JavaScript 时，“保存草稿”和“递交”都是普通表单提交；有 JavaScript 时，输入停顿后用 fetcher
// 以 intent=autosave 提交同一表单。版本号随每次保存更新，别人先保存了就得到 409 提示，不会静默覆盖。
// Without JavaScript "save" and "submit" are plain posts; with it, the same form is posted with
// intent=autosave after a pause in typing. The version follows every save, so a save over someone
// else's newer one gets the 409 message instead of overwriting it.
export function ProposalForm({ lastResult, defaultValue, version, rule, budgetHint, editable, submitLabel }: Props) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const { formRef, versionRef, savedAt, saving, failed: autosaveFailed, scheduleAutosave, cancelOnRealSubmit } = useAutosave(version, editable);
  const [form, fields] = useForm<ProposalFormShape>({
    id: "proposal",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposalSchema(rule) }) as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });


  const formProps = getFormProps(form);
  const onSubmit: typeof formProps.onSubmit = (event) => {
    cancelOnRealSubmit(event);
    formProps.onSubmit(event);
  };

  return (
    <Form method="post" {...formProps} onSubmit={onSubmit} ref={formRef} onInput={scheduleAutosave} className="proposal-form">
      <FormErrors errors={form.errors} />
      <input ref={versionRef} type="hidden" name="version" defaultValue={version} />
      <fieldset disabled={!editable}>
        <TextareaField label={t("pr.f.technicalApproach")} hint={t("pr.h.technicalApproach")} {...getTextareaProps(fields.technicalApproach)} rows={12} errors={issueTexts(t, fields.technicalApproach.errors)} />
        <TextareaField label={t("pr.f.team")} hint={t("pr.h.team")} {...getTextareaProps(fields.team)} rows={4} errors={issueTexts(t, fields.team.errors)} />
        <Field label={t("pr.f.budgetRequest")} hint={budgetHint} {...getInputProps(fields.budgetRequest, { type: "number" })} step="0.0001" min="0" errors={issueTexts(t, fields.budgetRequest.errors)} />
        <MilestoneEditor form={form} list={fields.milestones} />
        <TextareaField label={t("pr.f.relevantCases")} {...getTextareaProps(fields.relevantCases)} rows={4} errors={issueTexts(t, fields.relevantCases.errors)} />
        {rule.consortiumAllowed ? (
          <ConsortiumEditor form={form} list={fields.consortiumMembers} max={rule.consortiumMaxMembers} />
        ) : null}
      </fieldset>
      {editable ? (
        <div className="actions form-actions-sticky">
          <button type="submit" name="intent" value="save" className="btn btn-secondary" disabled={busy || saving}>{t("pr.edit.save")}</button>
          <button type="submit" name="intent" value="submit" className="btn" disabled={busy || saving}>{submitLabel}</button>
          <span aria-live="polite" className="muted autosave-status">
            {savedAt ? t("pr.edit.autosaved", { n: formatDateTime(savedAt, locale).slice(-5) }) : null}
            {autosaveFailed ? t("pr.edit.autosaveFailed") : null}
          </span>
        </div>
      ) : null}
    </Form>
  );
}
