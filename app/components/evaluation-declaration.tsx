import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import type { EvaluatorAssignmentView } from "~/modules/evaluation/assignment-queries.server";
import { DeclareSchema } from "~/modules/evaluation/assignment-schema";
import { useT } from "~/utils/i18n";
import { ReasonText } from "./evaluation-suggestions";
import { ErrorList, FormErrors, TextareaField } from "./forms";

type Reply = { intent: string; target: string; result: SubmissionResult<string[]> } | undefined;
type Proposal = EvaluatorAssignmentView["proposals"][number];

/** Yes (with a reason) or no, for one proposal; nothing of its content is on this page. */
function DeclareForm({ p, lastResult }: { p: Proposal; lastResult: Reply }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `declare-${p.id}`,
    lastResult: lastResult?.intent === "declare" && lastResult.target === p.id ? lastResult.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclareSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { intent: "declare", proposalId: p.id },
  });
  const choice = fields.conflicted;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="declare" />
      <input type="hidden" name="proposalId" value={p.id} />
      <fieldset>
        <legend>{t("ea.decl.question")}</legend>
        <label className="inline-check">
          <input type="radio" name={choice.name} value="no" defaultChecked={choice.initialValue === "no"} /> {t("ea.decl.no")}
        </label>
        <label className="inline-check">
          <input type="radio" name={choice.name} value="yes" defaultChecked={choice.initialValue === "yes"} /> {t("ea.decl.yes")}
        </label>
        <ErrorList errors={choice.errors} />
      </fieldset>
      <TextareaField label={t("ea.decl.reason")} hint={t("ea.decl.reasonHint")} rows={2} {...getTextareaProps(fields.reason)} errors={fields.reason.errors} />
      <button type="submit" className="btn" disabled={busy}>{t("ea.decl.submit")}</button>
    </Form>
  );
}

function Outcome({ p, blind }: { p: Proposal; blind: boolean }) {
  const t = useT();
  const d = p.declaration!;
  if (!d.conflicted) return <p className="badge badge-published">{t("ea.decl.outcomeClear")}</p>;
  return (
    <div role="note">
      <p><strong>{t(d.overridden ? "ea.decl.outcomeOverridden" : "ea.decl.outcomeConflicted")}</strong></p>
      {d.reason ? <p className="small">{t("ea.decl.declaredReason", { reason: d.reason })}</p> : null}
      {d.detectedCount > 0 ? (
        blind ? <p className="small">{t("ea.decl.detectedBlind")}</p> : (
          <ul className="small">{d.detected.map((r, i) => <li key={i}>{t("ea.decl.detectedPrefix")}<ReasonText r={r} /></li>)}</ul>
        )
      ) : null}
    </div>
  );
}

export function DeclarationList({ proposals, blind, lastResult }: { proposals: Proposal[]; blind: boolean; lastResult: Reply }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="declare-title">
      <h2 id="declare-title">{t("ea.decl.title")}</h2>
      <p className="muted">{t(blind ? "ea.decl.introBlind" : "ea.decl.intro")}</p>
      {proposals.length === 0 ? <p className="muted">{t("ea.decl.none")}</p> : (
        <ul className="match-list">
          {proposals.map((p) => (
            <li key={p.id} className="match-item" data-testid="declaration-item">
              <h3>
                {t("ea.proposalLabel", { label: p.label })}
                {p.identity ? <span className="muted small"> · {p.identity.orgName}{p.identity.consortium.length > 0 ? `（${t("ea.consortium", { names: p.identity.consortium.join("、") })}）` : ""}</span> : null}
              </h3>
              {p.declaration ? <Outcome p={p} blind={blind} /> : <DeclareForm p={p} lastResult={lastResult} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
