import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextareaField } from "~/components/forms";
import { ObjectionThread, type ObjectionThreadData } from "~/components/objection-thread";
import { objectionsForAdmin } from "~/modules/awards/award-queries.server";
import { OutcomeSchema } from "~/modules/awards/award-schema";
import { decideObjection } from "~/modules/awards/objection-commands.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "公示异议处理 Objections · 揭榜 Jiebang" }];

// 平台工作专班对已答复的异议作出处理结果（成立 / 不成立）。异议单位只在这里（平台内部）可见。
// The admin's queue of answered objections and the outcome form. Only here is the objector named.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return objectionsForAdmin();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: OutcomeSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await decideObjection(user, submission.value.objectionId, submission.value.outcome, submission.value.reason);
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast("/admin/objections", { kind: "success", message: "ao.toast.decided" });
}

function OutcomeForm({ o }: { o: ObjectionThreadData }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const mine = (actionData?.result?.initialValue as Record<string, unknown> | undefined)?.objectionId === o.id;
  const [form, fields] = useForm({ id: `outcome-${o.id}`, lastResult: mine ? actionData?.result : undefined, onValidate: ({ formData }) => parseWithZod(formData, { schema: OutcomeSchema }), shouldValidate: "onBlur" });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="objectionId" value={o.id} />
      <FormErrors errors={form.errors} />
      <fieldset>
        <legend>{t("ao.outcome")}</legend>
        <label><input type="radio" name="outcome" value="dismissed" /> {t("ao.dismissed")}</label>
        <label><input type="radio" name="outcome" value="upheld" /> {t("ao.upheld")}</label>
        {fields.outcome.errors ? <p className="field-error" role="alert">{t("aw.v.outcome")}</p> : null}
      </fieldset>
      <TextareaField label={t("ao.reason")} {...getTextareaProps(fields.reason)} rows={3} errors={fields.reason.errors} />
      <div className="actions"><button type="submit" className="btn btn-primary">{t("ao.submit")}</button></div>
    </Form>
  );
}

export default function AdminObjectionsRoute() {
  const t = useT();
  const { waiting, recent } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("ao.title")}</h1>
      <p>{t("ao.intro")}</p>
      {waiting.length === 0 ? <p className="muted">{t("ao.none")}</p> : waiting.map((o) => (
        <ObjectionThread key={o.id} o={o} heading={`${o.reference} · ${o.scenario.code} ${o.scenario.title}`}>
          <p><strong>{t("ao.objector")}</strong>：{o.org.name} · <Link to={`/notices/${o.scenario.code}`}>{t("aw.viewNotice")}</Link></p>
          <OutcomeForm o={o} />
        </ObjectionThread>
      ))}
      {recent.length ? (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t("ao.recent")}</h2>
          {recent.map((o) => <ObjectionThread key={o.id} o={o} heading={`${o.reference} · ${o.scenario.code} ${o.scenario.title}`} />)}
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
