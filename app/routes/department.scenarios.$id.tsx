import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ScenarioStatusBadge, MechanismBadge } from "~/components/scenario-badges";
import { ScenarioCancelledNotice } from "~/components/scenario-cancelled-notice";
import { ScenarioFacts } from "~/components/scenario-facts";
import { AttachmentList } from "~/components/attachment-list";
import { AttachmentUpload } from "~/components/attachment-upload";
import { listScenarioAttachments } from "~/modules/attachments/attachments.server";
import { ScenarioVersionHistory } from "~/components/scenario-version-history";
import { MatchVendorSection } from "~/components/match-vendor-list";
import { vendorsForScenario } from "../../search/matching/vendors-for-scenario.server";
import { acceptsAssignments, showsEvaluationRecord } from "~/modules/evaluation/evaluation-phase";
import { hasAwardPage } from "~/modules/awards/award-phase";
import { acceptsGates, hasDelivery } from "~/modules/delivery/delivery-phase";
import { countPendingQuestions } from "~/modules/questions/question-queries.server";
import { PublishSchema } from "~/modules/scenarios/schema";
import { publishScenario } from "~/modules/scenarios/scenario-commands.server";
import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { getDepartmentScenario } from "~/modules/scenarios/scenario-queries.server";
import { canAmend, canEdit, canTransition } from "~/modules/scenarios/scenario-status";
import { AppError, invariantResponse } from "~/utils/errors.server";
import { translateMaybe, useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scenario.code} · ${data.scenario.title} · 揭榜 Jiebang` : "揭榜 Jiebang" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key } = await requireScenarioManager(request, params.id);
  const scenario = await getDepartmentScenario(key.id, key.departmentId);
  invariantResponse(scenario, 404);
  const now = new Date();
  return {
    scenario,
    // Never throws for search trouble: the section shows a notice instead (search/matching).
    likelyVendors: await vendorsForScenario(scenario.id),
    attachments: await listScenarioAttachments(scenario.id),
    pendingQuestions: await countPendingQuestions(scenario.id, key.departmentId),
    now: now.toISOString(),
    allowed: {
      edit: canEdit(scenario.status),
      publish: canTransition(scenario.status, "published"),
      amend: canAmend(scenario.status),
      cancel: canTransition(scenario.status, "cancelled"),
      evaluation: acceptsAssignments(scenario.status) || showsEvaluationRecord(scenario.status),
      award: hasAwardPage(scenario.status),
      delivery: acceptsGates(scenario.status) || hasDelivery(scenario.status),
    },
    deadlinePassed: new Date(scenario.deadline).getTime() <= now.getTime(),
  };
}

// The only action on this page is publishing; edit, amend and cancel have their own pages.
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key } = await requireScenarioManager(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: PublishSchema });
  if (submission.status !== "success") return data({ error: "error.badRequest" }, { status: 400 });
  try {
    await publishScenario(user, { ...key, version: submission.value.version });
  } catch (error) {
    if (error instanceof AppError) return data({ error: error.label as string }, { status: error.status });
    throw error;
  }
  return redirectWithToast(`/department/scenarios/${key.id}`, { kind: "success", message: "sc.toast.published" });
}

export default function ManageScenarioRoute() {
  const t = useT();
  const { scenario: s, allowed, deadlinePassed, now, attachments, likelyVendors, pendingQuestions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p className="meta-row">
        <Link to="/department">{t("sc.manage.back")}</Link>
        <span className="scenario-code">{s.code}</span>
        <ScenarioStatusBadge status={s.status} />
        <MechanismBadge mechanism={s.mechanism} raceTeams={s.raceTeams} />
      </p>
      <h1>{s.title}</h1>
      {actionData?.error ? <div className="form-errors" role="alert"><p>{translateMaybe(t, actionData.error)}</p></div> : null}
      {s.status === "cancelled" ? <ScenarioCancelledNotice cancelledAt={s.cancelledAt} reason={s.cancelReason} /> : null}

      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title">{t("common.actions")}</h2>
        <p className="muted">{t(s.status === "draft" ? "sc.manage.hint.draft" : s.status === "published" ? "sc.manage.hint.published" : "sc.manage.hint.other")}</p>
        {allowed.publish && deadlinePassed ? <p className="field-errors" role="note">{t("sv.deadlinePast")}</p> : null}
        <div className="actions">
          {allowed.publish ? (
            <Form method="post">
              <input type="hidden" name="version" value={s.version} />
              <button type="submit" className="btn" disabled={busy}>{t("sc.manage.publish")}</button>
            </Form>
          ) : null}
          {allowed.edit ? <Link to={`/department/scenarios/${s.id}/edit`} className="btn btn-secondary">{t("sc.manage.edit")}</Link> : null}
          {allowed.amend ? <Link to={`/department/scenarios/${s.id}/amend`} className="btn btn-secondary">{t("sc.manage.amend")}</Link> : null}
          {allowed.cancel ? <Link to={`/department/scenarios/${s.id}/cancel`} className="btn btn-danger">{t("sc.manage.cancel")}</Link> : null}
          {s.status !== "draft" ? <Link to={`/department/scenarios/${s.id}/questions`} className="btn btn-secondary">{t("qa.dept.link", { n: pendingQuestions })}</Link> : null}
          {s.status !== "draft" ? <Link to={`/department/scenarios/${s.id}/proposals`} className="btn btn-secondary">{t("pr.dept.title")}</Link> : null}
          {allowed.evaluation ? <Link to={`/department/scenarios/${s.id}/evaluation`} className="btn btn-secondary">{t("ea.manage.link")}</Link> : null}
          {s.status !== "draft" ? <Link to={`/department/scenarios/${s.id}/evaluation/summary`} className="btn btn-secondary">{t("es.sum.link")}</Link> : null}
          {allowed.award ? <Link to={`/department/scenarios/${s.id}/award`} className="btn btn-secondary">{t("aw.link")}</Link> : null}
          {allowed.delivery ? <Link to={`/department/scenarios/${s.id}/delivery`} className="btn btn-secondary">{t("dl.link")}</Link> : null}
          <Link to={`/scenarios/${s.code}`}>{s.status === "draft" ? t("sc.manage.preview") : t("sc.manage.viewPublic")}</Link>
        </div>
      </section>

      <ScenarioFacts scenario={s} now={now} />
      {/* Files are added while drafting; on a published scenario an upload is a notified amendment. */}
      <AttachmentList attachments={attachments}>
        {allowed.amend ? <p className="field-hint">{t("att.amendHint")}</p> : null}
        {allowed.edit || allowed.amend ? <AttachmentUpload kind="scenario" targetId={s.id} redirectTo={`/department/scenarios/${s.id}`} /> : null}
      </AttachmentList>
      <ScenarioVersionHistory versions={s.versions} />
      <MatchVendorSection result={likelyVendors} district={s.district} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
