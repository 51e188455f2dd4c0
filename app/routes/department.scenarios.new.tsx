import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ScenarioForm } from "~/components/scenario-form";
import { ScenarioSchema } from "~/modules/scenarios/schema";
import { createDraft } from "~/modules/scenarios/scenario-commands.server";
import { newScenarioFormDefaults } from "~/modules/scenarios/scenario-form-values";
import { fromAppError, invalid, parseForm } from "~/utils/forms.server";
import { findOrgsReply, invitableOrgs, invitableOrgsFor } from "~/modules/scenarios/invitable-orgs.server";
import { isFindOrgs } from "~/modules/scenarios/invitable-orgs";
import { useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "新建场景 New scenario · 揭榜 Jiebang" }];

async function requireCreator(request: Request) {
  const user = await requireRole(request, "officer");
  requirePermission(user, "scenario.create");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCreator(request);
  // The officer is the usual contact and the rubric starts from the template; all editable.
  return { invitable: await invitableOrgs([]), defaults: newScenarioFormDefaults(user) };
}

// The draft belongs to the department the officer acts for (requireRole honours ?org=).
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCreator(request);
  const formData = await request.formData();
  if (isFindOrgs(formData)) return findOrgsReply(formData);
  const submission = parseForm(formData, ScenarioSchema);
  if (submission.status !== "success") return invalid(submission, [], { invitable: await invitableOrgsFor(formData) });
  let created: { id: string; code: string };
  try {
    created = await createDraft(user, user.membership.orgId, submission.value);
  } catch (error) {
    return fromAppError(error, submission, [], { invitable: await invitableOrgsFor(formData) });
  }
  return redirectWithToast(`/department/scenarios/${created.id}`, { kind: "success", message: "sc.toast.created" });
}

export default function NewScenarioRoute() {
  const t = useT();
  const { invitable, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">{t("sc.new.title")}</h1>
      <p className="muted">{t("sc.new.intro")}</p>
      <ScenarioForm mode="create" lastResult={actionData?.result} defaultValue={defaults} invitable={actionData?.invitable ?? invitable} submitLabel={t("sc.new.submit")} cancelHref="/department" />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
