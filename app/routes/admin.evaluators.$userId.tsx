import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ExpertiseFields } from "~/components/expertise-fields";
import { Field, FormErrors } from "~/components/forms";
import { issueTexts, Req } from "~/components/scenario-form";
import { profileSaveError } from "~/modules/evaluation/pool-form.server";
import { MAX_CONCURRENT_LIMIT, PoolProfileSchema, type PoolProfileFormShape } from "~/modules/evaluation/pool-schema";
import { evaluatorLoads, expertFormDefaults, poolProfileForEdit, updatePoolProfile } from "~/modules/evaluation/pool.server";
import { toResponse } from "~/utils/errors.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "编辑专家 Edit expert · 揭榜 Jiebang" }];

async function requirePoolAdmin(request: Request) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "evaluator.manage");
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePoolAdmin(request);
  const userId = params.userId ?? "";
  const expert = await poolProfileForEdit(user, userId).catch((error: unknown) => {
    throw toResponse(error);
  });
  const loads = await evaluatorLoads([userId]);
  return { expert: expert.user, load: loads[userId]!, defaults: expertFormDefaults(expert) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePoolAdmin(request);
  const userId = params.userId ?? "";
  const submission = parseForm(await request.formData(), PoolProfileSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updatePoolProfile(user, userId, submission.value);
  } catch (error) {
    return profileSaveError(error, submission);
  }
  return redirectWithToast(`/admin/evaluators/${userId}`, { kind: "success", message: "ep.edit.toast.saved" });
}

export default function AdminEvaluatorEdit() {
  const t = useT();
  const { expert, load, defaults } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="expert-title">
      <p className="meta-row"><Link to="/admin/evaluators">{t("ep.edit.back")}</Link></p>
      <h1 id="expert-title">{t("ep.edit.title", { name: expert.name })}</h1>
      <p className="muted">{expert.email} · {t("ep.edit.load", { current: load.current, max: load.max })}</p>
      {/* A new key after each save: the form starts again from what is stored (and its new token). */}
      <PoolProfileForm key={defaults.updatedAt} formId={`pool-profile-${expert.id}`} defaults={defaults} />
    </section>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function PoolProfileForm({ formId, defaults }: { formId: string; defaults: LoaderData["defaults"] }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm<PoolProfileFormShape>({
    id: formId,
    lastResult: actionData?.result,
    defaultValue: defaults as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PoolProfileSchema }) as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  const { key: maxKey, ...maxConcurrent } = getInputProps(fields.maxConcurrent, { type: "number" });
  const { key: activeKey, ...active } = getInputProps(fields.active, { type: "checkbox" });
  const { key: tokenKey, ...token } = getInputProps(fields.updatedAt, { type: "hidden" });
  return (
    <Form method="post" {...getFormProps(form)} className="scenario-form">
      <FormErrors errors={errs(form.errors)} />
      <input key={tokenKey} {...token} />
      <ExpertiseFields form={form} fields={fields} />
      <fieldset>
        <legend>{t("ep.f.sec.capacity")}</legend>
        <Field key={maxKey} label={<Req>{t("ep.f.maxConcurrent")}</Req>} {...maxConcurrent} min={1} max={MAX_CONCURRENT_LIMIT} step={1} inputMode="numeric"
          errors={errs(fields.maxConcurrent.errors)} />
        <label className="inline-check"><input key={activeKey} {...active} /> {t("ep.f.active")}</label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn" disabled={busy}>{t("ep.save")}</button>
        <Link to="/admin/evaluators" className="btn btn-secondary">{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
