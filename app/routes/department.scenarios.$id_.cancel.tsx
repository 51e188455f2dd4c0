import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { ScenarioStatusBadge } from "~/components/scenario-badges";
import { CancelSchema } from "~/modules/scenarios/schema";
import { cancelScenario } from "~/modules/scenarios/scenario-commands.server";
import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { getDepartmentScenario } from "~/modules/scenarios/scenario-queries.server";
import { canTransition } from "~/modules/scenarios/scenario-status";
import { invariantResponse } from "~/utils/errors.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

// File name: "$id_" keeps /department/scenarios/:id/cancel out of the manage page's layout.

export const meta: MetaFunction = () => [{ title: "撤榜 Cancel scenario · 揭榜 Jiebang" }];

async function requireCancellable(request: Request, id: string | undefined) {
  const guard = await requireScenarioManager(request, id);
  if (!canTransition(guard.ref.status, "cancelled")) {
    throw await redirectWithToast(`/department/scenarios/${guard.ref.id}`, { kind: "info", message: "sc.toast.cancelNotAllowed" });
  }
  return guard;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key } = await requireCancellable(request, params.id);
  const scenario = await getDepartmentScenario(key.id, key.departmentId);
  invariantResponse(scenario, 404);
  return { id: scenario.id, code: scenario.code, title: scenario.title, status: scenario.status };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key } = await requireCancellable(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: CancelSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await cancelScenario(user, key, submission.value.reason);
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast(`/department/scenarios/${key.id}`, { kind: "success", message: "sc.toast.cancelled" });
}

export default function CancelScenarioRoute() {
  const t = useT();
  const { id, code, title, status } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "scenario-cancel",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelSchema }),
    shouldValidate: "onBlur",
    // An error must go away while the reason is typed, not when the field loses focus: at blur the
    // message vanished, the button moved up under the pointer and the first click went nowhere.
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card narrow" aria-labelledby="cancel-title">
      <p className="meta-row"><span className="scenario-code">{code}</span><ScenarioStatusBadge status={status} /></p>
      <h1 id="cancel-title">{t("sc.cancel.title")}</h1>
      <p><strong>{title}</strong></p>
      <p>{t(status === "draft" ? "sc.cancel.introDraft" : "sc.cancel.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <TextareaField label={t("sc.f.reason")} hint={t("sc.h.reason")} {...getTextareaProps(fields.reason)} rows={4} errors={fields.reason.errors} />
        <div className="actions">
          <button type="submit" className="btn btn-danger">{t("sc.cancel.submit")}</button>
          <Link to={`/department/scenarios/${id}`}>{t("common.back")}</Link>
        </div>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
