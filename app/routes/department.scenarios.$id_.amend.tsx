import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ScenarioForm } from "~/components/scenario-form";
import { ScenarioAmendSchema } from "~/modules/scenarios/schema";
import { amendScenario } from "~/modules/scenarios/scenario-commands.server";
import { scenarioFormDefaults } from "~/modules/scenarios/scenario-form-values";
import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { getDepartmentScenario } from "~/modules/scenarios/scenario-queries.server";
import { canAmend } from "~/modules/scenarios/scenario-status";
import { invariantResponse } from "~/utils/errors.server";
import { fromAppError, invalid, parseForm } from "~/utils/forms.server";
import { findOrgsReply, invitableOrgs, invitableOrgsFor } from "~/modules/scenarios/invitable-orgs.server";
import { isFindOrgs } from "~/modules/scenarios/invitable-orgs";
import { useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

// File name: "$id_" keeps /department/scenarios/:id/amend out of the manage page's layout.

export const meta: MetaFunction = () => [{ title: "发布变更 Amend · 揭榜 Jiebang" }];

// Amendments apply to open calls only; drafts are simply edited.
async function requireAmendable(request: Request, id: string | undefined) {
  const guard = await requireScenarioManager(request, id);
  if (!canAmend(guard.ref.status)) {
    throw await redirectWithToast(`/department/scenarios/${guard.ref.id}`, { kind: "info", message: "sc.toast.amendOnlyPublished" });
  }
  return guard;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key } = await requireAmendable(request, params.id);
  const scenario = await getDepartmentScenario(key.id, key.departmentId);
  invariantResponse(scenario, 404);
  const defaults = scenarioFormDefaults(scenario);
  return { id: scenario.id, code: scenario.code, title: scenario.title, invitable: await invitableOrgs(defaults.invitedOrgIds), defaults };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key } = await requireAmendable(request, params.id);
  const formData = await request.formData();
  if (isFindOrgs(formData)) return findOrgsReply(formData);
  const submission = parseForm(formData, ScenarioAmendSchema);
  if (submission.status !== "success") return invalid(submission, [], { invitable: await invitableOrgsFor(formData) });
  const { version, note, ...input } = submission.value;
  try {
    await amendScenario(user, { ...key, version }, input, note);
  } catch (error) {
    return fromAppError(error, submission, [], { invitable: await invitableOrgsFor(formData) });
  }
  // The manage page lists the new version with its field-level diff at the top of the history.
  return redirectWithToast(`/department/scenarios/${key.id}#versions-title`, { kind: "success", message: "sc.toast.amended" });
}

export default function AmendScenarioRoute() {
  const t = useT();
  const { id, code, title, invitable, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="amend-title">
      <p className="meta-row"><span className="scenario-code">{code}</span><span>{title}</span></p>
      <h1 id="amend-title">{t("sc.amend.title")}</h1>
      <p className="muted">{t("sc.amend.intro")}</p>
      <p className="status-banner" id="deadline-rules">{t("sc.amend.deadlineRules")}</p>
      <ScenarioForm mode="amend" lastResult={actionData?.result} defaultValue={{ ...defaults, note: "" }} invitable={actionData?.invitable ?? invitable} submitLabel={t("sc.amend.submit")} cancelHref={`/department/scenarios/${id}`} />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
