import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { ObjectionThread, type ObjectionThreadData } from "~/components/objection-thread";
import { objectionsForDepartment } from "~/modules/awards/award-queries.server";
import { AnswerSchema } from "~/modules/awards/award-schema";
import { answerObjection } from "~/modules/awards/objection-commands.server";
import { canMoveObjection } from "~/modules/awards/objection-status";
import { getDepartmentScenario } from "~/modules/scenarios/scenario-queries.server";
import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { invariantResponse } from "~/utils/errors.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "异议答复 Objections · 揭榜 Jiebang" }];

// 发榜部门答复异议。看不到提出异议的单位（防止打击报复）；答复后由平台作出处理结果。
// The department answers each objection in writing. It does not see who objected (ADR 008).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key } = await requireScenarioManager(request, params.id);
  const scenario = await getDepartmentScenario(key.id, key.departmentId);
  invariantResponse(scenario, 404);
  return { id: scenario.id, code: scenario.code, title: scenario.title, objections: await objectionsForDepartment(key.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key } = await requireScenarioManager(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: AnswerSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    // The objection must be this scenario's: answerObjection checks the department, this checks the page.
    const own = (await objectionsForDepartment(key.id)).some((o) => o.id === submission.value.objectionId);
    invariantResponse(own, 404);
    await answerObjection(user, submission.value.objectionId, submission.value.answer);
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast(`/department/scenarios/${key.id}/objections`, { kind: "success", message: "oa.toast.answered" });
}

function AnswerForm({ o }: { o: ObjectionThreadData }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const mine = (actionData?.result?.initialValue as Record<string, unknown> | undefined)?.objectionId === o.id;
  const [form, fields] = useForm({ id: `answer-${o.id}`, lastResult: mine ? actionData?.result : undefined, onValidate: ({ formData }) => parseWithZod(formData, { schema: AnswerSchema }), shouldValidate: "onBlur" });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="objectionId" value={o.id} />
      <FormErrors errors={form.errors} />
      <TextareaField label={t("oa.answer")} {...getTextareaProps(fields.answer)} rows={4} errors={fields.answer.errors} />
      <div className="actions"><button type="submit" className="btn btn-primary">{t("oa.submit")}</button></div>
    </Form>
  );
}

export default function DepartmentObjectionsRoute() {
  const t = useT();
  const { id, code, title, objections } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="meta-row"><Link to={`/department/scenarios/${id}/award`}>{t("aw.back")}</Link><span className="scenario-code">{code}</span></p>
      <h1>{t("oa.page.title", { n: title })}</h1>
      <p>{t("oa.intro")}</p>
      {objections.length === 0 ? <p className="muted">{t("oa.none")}</p> : objections.map((o) => (
        <ObjectionThread key={o.id} o={o} heading={`${o.reference} · ${t("aw.round", { n: o.decision.round })}`}>
          {canMoveObjection(o.status, "answered") ? <AnswerForm o={o} /> : null}
        </ObjectionThread>
      ))}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
