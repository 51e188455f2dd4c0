import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ExpertiseFields } from "~/components/expertise-fields";
import { FormErrors } from "~/components/forms";
import { issueTexts } from "~/components/scenario-form";
import { profileSaveError } from "~/modules/evaluation/pool-form.server";
import { ExpertiseSchema, type ExpertiseFormShape } from "~/modules/evaluation/pool-schema";
import { expertFormDefaults, ownProfileForEdit, updateOwnProfile } from "~/modules/evaluation/pool.server";
import { toResponse } from "~/utils/errors.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "我的专家资料 My expert profile · 揭榜 Jiebang" }];

// The expert edits only their own profile: the user id comes from the session, never the form.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "evaluator");
  const expert = await ownProfileForEdit(user).catch((error: unknown) => {
    throw toResponse(error);
  });
  const defaults = expertFormDefaults(expert);
  return {
    defaults,
    capacity: expert.profile ? { max: expert.profile.maxConcurrent, active: expert.profile.active } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "evaluator");
  const submission = parseForm(await request.formData(), ExpertiseSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateOwnProfile(user, submission.value);
  } catch (error) {
    return profileSaveError(error, submission);
  }
  return redirectWithToast("/evaluator/profile", { kind: "success", message: "ep.own.toast.saved" });
}

export default function EvaluatorProfileRoute() {
  const t = useT();
  const { defaults, capacity } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="own-profile-title">
      <p className="meta-row"><Link to="/evaluator">{t("ep.own.back")}</Link></p>
      <h1 id="own-profile-title">{t("ep.own.title")}</h1>
      <p className="muted">{t("ep.own.intro")}</p>
      {capacity ? (
        <p className="muted">{t("ep.own.capacity", { max: capacity.max, status: capacity.active ? t("ep.pool.active") : t("ep.pool.inactive") })}</p>
      ) : null}
      {/* A new key after each save: the form starts again from what is stored (and its new token). */}
      <OwnProfileForm key={defaults.updatedAt} defaults={defaults} />
    </section>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function OwnProfileForm({ defaults }: { defaults: LoaderData["defaults"] }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm<ExpertiseFormShape>({
    id: "own-expert-profile",
    lastResult: actionData?.result,
    defaultValue: defaults as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExpertiseSchema }) as never,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { key: tokenKey, ...token } = getInputProps(fields.updatedAt, { type: "hidden" });
  return (
    <Form method="post" {...getFormProps(form)} className="scenario-form">
      <FormErrors errors={issueTexts(t, form.errors)} />
      <input key={tokenKey} {...token} />
      <ExpertiseFields form={form} fields={fields} />
      <div className="actions">
        <button type="submit" className="btn" disabled={busy}>{t("ep.save")}</button>
        <Link to="/evaluator" className="btn btn-secondary">{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
