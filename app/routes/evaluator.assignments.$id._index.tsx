import { getFormProps, getTextareaProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ASSIGNMENT_STATUS_KEYS } from "~/components/evaluation-assignment-table";
import { DeclarationList } from "~/components/evaluation-declaration";
import { FormErrors, TextareaField } from "~/components/forms";
import { acceptAssignment, declineAssignment } from "~/modules/evaluation/assignment-commands.server";
import { evaluatorAssignment } from "~/modules/evaluation/assignment-queries.server";
import { AcceptSchema, DeclareSchema, DeclineSchema, intentOf } from "~/modules/evaluation/assignment-schema";
import { declareConflict } from "~/modules/evaluation/declaration-commands.server";
import { requireOwnAssignment } from "~/modules/evaluation/evaluation-guards.server";
import { AppError, invariantResponse } from "~/utils/errors.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

// 评审任务：先接受或谢绝；接受后，在看到任何申报内容之前，逐份声明利益冲突。盲评时只显示“申报 A/B…”。
// One assignment: accept or decline first; once accepted, declare on each proposal before any of its
// content is shown. In blind review only the neutral label is selected, never the proposer's name.
// File name: "._index" so the reading and scoring pages below this URL are not nested in this one.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scenario.code} 评审任务 Assignment · 揭榜 Jiebang` : "揭榜 Jiebang" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, assignmentId } = await requireOwnAssignment(request, params.id);
  const view = await evaluatorAssignment(user.id, assignmentId);
  invariantResponse(view, 404);
  return view;
}

type Reply = { intent: string; target: string; result: SubmissionResult<string[]> };

function reply(intent: string, target: string, submission: Submission<unknown>, status: number, formErrors?: string[]) {
  return data({ intent, target, result: submission.reply(formErrors ? { formErrors } : {}) as SubmissionResult<string[]> } satisfies Reply, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, assignmentId } = await requireOwnAssignment(request, params.id);
  const formData = await request.formData();
  const intent = intentOf(formData);
  const back = `/evaluator/assignments/${assignmentId}`;
  const schema = intent === "accept" ? AcceptSchema : intent === "decline" ? DeclineSchema : intent === "declare" ? DeclareSchema : null;
  if (!schema) throw new Response("error.badRequest", { status: 400 });
  const submission = parseWithZod(formData, { schema });
  const target = intent === "declare" ? String(formData.get("proposalId") ?? "") : "";
  if (submission.status !== "success") return reply(intent, target, submission, 400);
  try {
    const value = submission.value;
    if (value.intent === "accept") await acceptAssignment(user, assignmentId);
    else if (value.intent === "decline") await declineAssignment(user, assignmentId, value.reason);
    else await declareConflict(user, assignmentId, { proposalId: value.proposalId, conflicted: value.conflicted === "yes", reason: value.reason });
  } catch (error) {
    if (error instanceof AppError) return reply(intent, target, submission, error.status, [error.label]);
    throw error;
  }
  const toast = intent === "accept" ? "ea.toast.accepted" : intent === "decline" ? "ea.toast.declined" : "ea.toast.declared";
  return redirectWithToast(intent === "decline" ? "/evaluator" : back, { kind: "success", message: toast });
}

function Respond({ lastResult }: { lastResult: Reply | undefined }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [accept] = useForm({ id: "accept", lastResult: lastResult?.intent === "accept" ? lastResult.result : undefined });
  const [decline, fields] = useForm({
    id: "decline",
    lastResult: lastResult?.intent === "decline" ? lastResult.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclineSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card" aria-labelledby="respond-title">
      <h2 id="respond-title">{t("ea.respond.title")}</h2>
      <p>{t("ea.respond.intro")}</p>
      <Form method="post" {...getFormProps(accept)}>
        <FormErrors errors={accept.errors} />
        <input type="hidden" name="intent" value="accept" />
        <button type="submit" className="btn" disabled={busy}>{t("ea.respond.accept")}</button>
      </Form>
      <details open={!!decline.errors || !!fields.reason.errors}>
        <summary>{t("ea.respond.declineOpen")}</summary>
        <Form method="post" {...getFormProps(decline)}>
          <FormErrors errors={decline.errors} />
          <input type="hidden" name="intent" value="decline" />
          <TextareaField label={t("ea.respond.reason")} hint={t("ea.respond.reasonHint")} rows={3} {...getTextareaProps(fields.reason)} errors={fields.reason.errors} />
          <button type="submit" className="btn btn-danger" disabled={busy}>{t("ea.respond.decline")}</button>
        </Form>
      </details>
    </section>
  );
}

export default function EvaluatorAssignmentRoute() {
  const t = useT();
  const locale = useLocale();
  const { assignment: a, scenario: s, proposals, progress } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const title = locale === "en" && s.titleEn ? s.titleEn : s.title;
  return (
    <>
      <p className="meta-row">
        <Link to="/evaluator">{t("ea.ws.back")}</Link>
        <span className="scenario-code">{s.code}</span>
        <span className={`badge badge-assignment-${a.status}`}>{t(ASSIGNMENT_STATUS_KEYS[a.status] ?? "ea.status.invited")}</span>
        {s.blindReview ? <span className="badge">{t("ea.page.blind")}</span> : null}
      </p>
      <h1>{title}</h1>
      <p className="muted">{s.summary}</p>
      <p><strong>{t("ea.ws.due", { date: formatDateTime(a.dueAt, locale) })}</strong></p>
      {a.status === "invited" ? <Respond lastResult={actionData} /> : null}
      {a.status === "declined" ? <p className="status-banner" role="note">{t("ea.respond.declinedNote", { reason: a.declineReason ?? "" })}</p> : null}
      {a.status === "removed" ? <p className="status-banner" role="note">{t("ea.respond.removedNote")}</p> : null}
      {a.status === "accepted" ? (
        <>
          <p data-testid="assignment-progress">{t("ea.ws.progress", { declared: progress.total - progress.undeclared, total: progress.total, submitted: progress.submitted, toScore: progress.toScore })}</p>
          <DeclarationList proposals={proposals} blind={s.blindReview} lastResult={actionData} />
        </>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
