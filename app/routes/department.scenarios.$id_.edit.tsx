import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ScenarioForm } from "~/components/scenario-form";
import { ScenarioEditSchema } from "~/modules/scenarios/schema";
import { updateDraft } from "~/modules/scenarios/scenario-commands.server";
import { scenarioFormDefaults } from "~/modules/scenarios/scenario-form-values";
import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { getDepartmentScenario } from "~/modules/scenarios/scenario-queries.server";
import { canEdit } from "~/modules/scenarios/scenario-status";
import { invariantResponse } from "~/utils/errors.server";
import { fromAppError, invalid, parseForm } from "~/utils/forms.server";
import { findOrgsReply, invitableOrgs, invitableOrgsFor } from "~/modules/scenarios/invitable-orgs.server";
import { isFindOrgs } from "~/modules/scenarios/invitable-orgs";
import { useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

// File name: "$id_" keeps /department/scenarios/:id/edit out of the manage page's layout.

export const meta: MetaFunction = () => [{ title: "编辑草稿 Edit draft · 揭榜 Jiebang" }];

// Only drafts are edited in place; a published scenario is changed by a versioned amendment instead.
async function requireEditable(request: Request, id: string | undefined) {
  const guard = await requireScenarioManager(request, id);
  if (!canEdit(guard.ref.status)) {
    throw await redirectWithToast(`/department/scenarios/${guard.ref.id}`, { kind: "info", message: "sc.toast.editOnlyDraft" });
  }
  return guard;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key } = await requireEditable(request, params.id);
  const scenario = await getDepartmentScenario(key.id, key.departmentId);
  invariantResponse(scenario, 404);
  const defaults = scenarioFormDefaults(scenario);
  return { id: scenario.id, code: scenario.code, invitable: await invitableOrgs(defaults.invitedOrgIds), defaults };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key } = await requireEditable(request, params.id);
  const formData = await request.formData();
  if (isFindOrgs(formData)) return findOrgsReply(formData);
  const submission = parseForm(formData, ScenarioEditSchema);
  if (submission.status !== "success") return invalid(submission, [], { invitable: await invitableOrgsFor(formData) });
  const { version, ...input } = submission.value;
  try {
    await updateDraft(user, { ...key, version }, input);
  } catch (error) {
    // A stale version (someone saved in between) comes back as a form error; what was typed stays.
    return fromAppError(error, submission, [], { invitable: await invitableOrgsFor(formData) });
  }
  return redirectWithToast(`/department/scenarios/${key.id}`, { kind: "success", message: "sc.toast.saved" });
}

export default function EditScenarioRoute() {
  const t = useT();
  const { id, code, invitable, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-title">
      <p className="meta-row"><span className="scenario-code">{code}</span></p>
      <h1 id="edit-title">{t("sc.edit.title")}</h1>
      <ScenarioForm mode="edit" lastResult={actionData?.result} defaultValue={defaults} invitable={actionData?.invitable ?? invitable} submitLabel={t("sc.edit.submit")} cancelHref={`/department/scenarios/${id}`} />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
