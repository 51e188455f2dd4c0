import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { DepartmentEvaluation } from "~/modules/evaluation/assignment-queries.server";
import { OverrideSchema } from "~/modules/evaluation/assignment-schema";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";
import { ReasonText } from "./evaluation-suggestions";
import { FormErrors, TextareaField } from "./forms";

type Reply = { intent: string; target: string; result: SubmissionResult<string[]> } | undefined;
type Assignment = DepartmentEvaluation["assignments"][number];
type Declaration = Assignment["declarations"][number];

export const ASSIGNMENT_STATUS_KEYS: Record<string, MessageKey> = {
  invited: "ea.status.invited", accepted: "ea.status.accepted", declined: "ea.status.declined", removed: "ea.status.removed",
};

/** Admins only: clears one conflicted declaration with a written reason (audited). */
function OverrideForm({ d, lastResult }: { d: Declaration; lastResult: Reply }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `override-${d.id}`,
    lastResult: lastResult?.intent === "override" && lastResult.target === d.id ? lastResult.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OverrideSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { intent: "override", declarationId: d.id },
  });
  return (
    <details open={!!form.errors || !!fields.reason.errors}>
      <summary>{t("ea.override.open")}</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="override" />
        <input type="hidden" name="declarationId" value={d.id} />
        <TextareaField label={t("ea.override.reason")} hint={t("ea.override.hint")} rows={3} {...getTextareaProps(fields.reason)} errors={fields.reason.errors} />
        <button type="submit" className="btn btn-danger" disabled={busy}>{t("ea.override.submit")}</button>
      </Form>
    </details>
  );
}

function DeclarationLine({ d, isAdmin, lastResult }: { d: Declaration; isAdmin: boolean; lastResult: Reply }) {
  const t = useT();
  return (
    <li>
      {t("ea.proposalLabel", { label: d.proposalLabel })}：
      {d.conflicted ? <strong className="field-errors">{t("ea.decl.conflicted")}</strong> : t("ea.decl.clear")}
      {d.reason ? <span> · {t("ea.decl.declaredReason", { reason: d.reason })}</span> : null}
      {d.detected.length > 0 ? (
        <ul>{d.detected.map((r, i) => <li key={i}>{t("ea.decl.detectedPrefix")}<ReasonText r={r} /></li>)}</ul>
      ) : null}
      {d.overridden ? <p className="small">{t("ea.decl.overridden", { reason: d.overrideReason ?? "" })}</p> : null}
      {isAdmin && d.conflicted && !d.overridden ? <OverrideForm d={d} lastResult={lastResult} /> : null}
    </li>
  );
}

export function AssignmentTable({ assignments, isAdmin, lastResult }: { assignments: Assignment[]; isAdmin: boolean; lastResult: Reply }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="assigned-title">
      <h2 id="assigned-title">{t("ea.assigned.title")}</h2>
      {assignments.length === 0 ? <p className="muted">{t("ea.assigned.empty")}</p> : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("ea.assigned.expert")}</th>
                <th scope="col">{t("common.status")}</th>
                <th scope="col">{t("ea.assigned.progress")}</th>
                <th scope="col">{t("ea.assigned.conflicts")}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id} data-testid="assignment-row">
                  <th scope="row">
                    {a.evaluator.name}
                    {a.evaluator.title ? <div className="muted small">{a.evaluator.title}</div> : null}
                    <div className="muted small">{t("ea.assigned.by", { name: a.assignedBy, date: formatDateTime(a.createdAt, locale) })}</div>
                  </th>
                  <td>
                    <span className={`badge badge-assignment-${a.status}`}>{t(ASSIGNMENT_STATUS_KEYS[a.status] ?? "ea.status.invited")}</span>
                    {a.respondedAt ? <div className="muted small">{formatDateTime(a.respondedAt, locale)}</div> : null}
                    {a.status === "declined" ? (
                      <p className="small" role="note">{t("ea.assigned.declined", { reason: a.declineReason ?? "" })}</p>
                    ) : null}
                  </td>
                  <td className="small">
                    {a.status === "accepted"
                      ? t("ea.assigned.progressValue", { declared: a.progress.total - a.progress.undeclared, total: a.progress.total, submitted: a.progress.submitted, toScore: a.progress.toScore })
                      : "—"}
                    {a.remindedAt ? <div className="muted">{t("ea.assigned.reminded", { date: formatDateTime(a.remindedAt, locale) })}</div> : null}
                  </td>
                  <td className="small">
                    {a.declarations.length === 0 ? "—" : (
                      <ul>{a.declarations.map((d) => <DeclarationLine key={d.id} d={d} isAdmin={isAdmin} lastResult={lastResult} />)}</ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
