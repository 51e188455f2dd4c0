import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { ScenarioStatusBadge } from "~/components/scenario-badges";
import { answerQuestion } from "~/modules/questions/question-commands.server";
import { listDepartmentQuestions, type DepartmentQuestion } from "~/modules/questions/question-queries.server";
import { AnswerSchema } from "~/modules/questions/schema";
import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { AppError } from "~/utils/errors.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

// File name: "$id_" keeps /department/scenarios/:id/questions out of the manage page's layout.
// Only here is the asking organisation shown: the department must know whom it is answering.

export const meta: MetaFunction = () => [{ title: "答疑管理 Questions · 揭榜 Jiebang" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ref, key } = await requireScenarioManager(request, params.id);
  const questions = await listDepartmentQuestions(key.id, key.departmentId);
  return { scenario: ref, questions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key } = await requireScenarioManager(request, params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: AnswerSchema });
  // The question id travels back so only the form that was submitted shows the message and keeps its text.
  const questionId = String(formData.get("questionId") ?? "");
  if (submission.status !== "success") {
    return data({ questionId, result: submission.reply() as SubmissionResult<string[]> }, { status: 400 });
  }
  try {
    await answerQuestion(user, key, submission.value.questionId, submission.value.answer);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return data({ questionId, result: submission.reply({ formErrors: [error.label] }) as SubmissionResult<string[]> }, { status: error.status });
  }
  return redirectWithToast(`/department/scenarios/${key.id}/questions`, { kind: "success", message: "qa.toast.answered" });
}

function AnswerForm({ q }: { q: DepartmentQuestion }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `answer-${q.id}`,
    lastResult: actionData?.questionId === q.id ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AnswerSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { questionId: q.id },
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input {...getInputProps(fields.questionId, { type: "hidden" })} />
      <TextareaField
        label={t("qa.dept.answerLabel")} hint={t("qa.dept.answerHint")} rows={4}
        {...getTextareaProps(fields.answer)} errors={fields.answer.errors}
      />
      <button type="submit" className="btn" disabled={busy}>{t("qa.dept.submit")}</button>
    </Form>
  );
}

export default function DepartmentQuestionsRoute() {
  const t = useT();
  const locale = useLocale();
  const { scenario, questions } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="meta-row">
        <Link to={`/department/scenarios/${scenario.id}`}>{t("common.back")}</Link>
        <span className="scenario-code">{scenario.code}</span>
        <ScenarioStatusBadge status={scenario.status} />
      </p>
      <h1>{t("qa.dept.title")}</h1>
      {questions.length === 0 ? <p className="muted">{t("qa.dept.empty")}</p> : null}
      {questions.map((q) => (
        <article key={q.id} className="card" aria-label={`${t("qa.question")}: ${q.body.slice(0, 40)}`}>
          <p className="muted small">
            {t("qa.dept.org")}：{q.org.name}（{q.askerName}） · {t("qa.askedAt", { date: formatDateTime(q.createdAt, locale) })}
          </p>
          <p><strong>{t("qa.question")}：</strong>{q.body}</p>
          {q.answer ? (
            <>
              <p><strong>{t("qa.answer")}：</strong>{q.answer}</p>
              <p className="muted small">{t("qa.answeredAt", { date: formatDateTime(q.answeredAt, locale) })}</p>
            </>
          ) : <AnswerForm q={q} />}
        </article>
      ))}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
