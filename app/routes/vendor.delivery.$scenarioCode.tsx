import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DeliveryPlan, GateList } from "~/components/delivery-plan";
import { ErrorList, Field, TextareaField } from "~/components/forms";
import { ScenarioStatusBadge } from "~/components/scenario-badges";
import { requireDeliveryTeam } from "~/modules/delivery/delivery-access.server";
import { readDeliveryForm, type FormFailure } from "~/modules/delivery/delivery-forms.server";
import { acceptsGates, isDelivering } from "~/modules/delivery/delivery-phase";
import { deliveryScenario, deliveryView } from "~/modules/delivery/delivery-queries.server";
import { canSubmitEvidence } from "~/modules/delivery/milestone-status";
import { vendorDeliveryAction } from "~/modules/delivery/vendor-actions.server";
import { invariantResponse } from "~/utils/errors.server";
import { useT } from "~/utils/i18n";
import type { MilestoneStatus } from "~/generated/prisma/enums";

// 揭榜方的交付页：本单位的里程碑、提交成果（文字与附件）、赛马关口指标填报。
// The team's delivery page: its milestones, evidence (text and files) and horse-race gate reports.

export const meta: MetaFunction = () => [{ title: "项目交付 Delivery · 揭榜 Jiebang" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireDeliveryTeam(request, params.scenarioCode);
  const scenario = await deliveryScenario({ id: team.scenarioId });
  invariantResponse(scenario, 404);
  const view = await deliveryView(team.scenarioId, { kind: "team", proposalId: team.proposalId });
  return { scenario, view, eliminated: view.teams[0]?.eliminated ?? false };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team } = await requireDeliveryTeam(request, params.scenarioCode);
  const { form, files } = await readDeliveryForm(request);
  return vendorDeliveryAction(user, team, form, files);
}

function useFailure(formId: string) {
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  return failure?.formId === formId ? failure : undefined;
}

function EvidenceForm({ milestoneId, resubmit }: { milestoneId: string; resubmit: boolean }) {
  const t = useT();
  const failure = useFailure(`evidence-${milestoneId}`);
  return (
    <Form method="post" encType="multipart/form-data" aria-label={t("dl.evidence.submit")}>
      <input type="hidden" name="intent" value="evidence" />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <ErrorList errors={failure?.errors[""]} />
      <TextareaField label={t("dl.evidence.text")} hint={t("dl.evidence.textHint")} name="evidence" rows={4} required defaultValue={failure?.values.evidence} errors={failure?.errors.evidence} />
      <Field label={t("dl.evidence.files")} hint={t("dl.evidence.filesHint")} type="file" name="files" multiple />
      <button type="submit" className="btn btn-primary">{t(resubmit ? "dl.evidence.resubmit" : "dl.evidence.submit")}</button>
    </Form>
  );
}

type Gate = ReturnType<typeof useLoaderData<typeof loader>>["view"]["gates"][number];

function GateReportForm({ gate }: { gate: Gate }) {
  const t = useT();
  const failure = useFailure(`report-${gate.id}`);
  const previous = gate.reports[0];
  return (
    <Form method="post" encType="multipart/form-data" aria-label={t("dl.report.submit")}>
      <input type="hidden" name="intent" value="gateReport" />
      <input type="hidden" name="gateId" value={gate.id} />
      <ErrorList errors={failure?.errors[""]} />
      {gate.metrics.map((metric, i) => (
        <Field key={metric} label={metric} name={`values[${i}]`} required
          defaultValue={failure?.values[`values[${i}]`] ?? previous?.values.find((v) => v.metric === metric)?.value} />
      ))}
      <ErrorList errors={failure?.errors.values} />
      <TextareaField label={t("dl.report.note")} name="note" rows={2} defaultValue={failure?.values.note ?? previous?.note} />
      <Field label={t("dl.evidence.files")} type="file" name="files" multiple />
      <button type="submit" className="btn">{t(previous ? "dl.report.update" : "dl.report.submit")}</button>
    </Form>
  );
}

export default function VendorDeliveryRoute() {
  const t = useT();
  const { scenario, view, eliminated } = useLoaderData<typeof loader>();
  const open = isDelivering(scenario.status) && !eliminated;
  return (
    <section aria-labelledby="delivery-title">
      <p className="meta-row"><span className="scenario-code">{scenario.code}</span><ScenarioStatusBadge status={scenario.status} /></p>
      <h1 id="delivery-title">{t("dl.vendorTitle")}：{scenario.title}</h1>
      <p>{t("dl.department")}：{scenario.department.name} · <Link to={`/scenarios/${scenario.code}#delivery`}>{t("dl.publicView")}</Link></p>
      {eliminated ? <p className="notice notice-warn">{t("dl.team.eliminatedNotice")}</p> : null}
      {scenario.status === "completed" ? <p className="notice">{t("dl.completedNotice")} <Link to={`/cases/${scenario.code}`}>{t("dl.viewCase")}</Link></p> : null}
      <h2>{t("dl.plan")}</h2>
      <DeliveryPlan
        teams={view.teams}
        showTeamNames={false}
        actions={(m) => (open && canSubmitEvidence(m.status as MilestoneStatus) ? <EvidenceForm milestoneId={m.id} resubmit={m.status !== "planned"} /> : null)}
      />
      {scenario.mechanism === "horse_race" ? (
        <section id="gates" aria-labelledby="gates-title">
          <h2 id="gates-title">{t("dl.gates")}</h2>
          <GateList gates={view.gates}>
            {(g) => (!g.decidedAt && !eliminated && acceptsGates(scenario.status) ? <GateReportForm gate={view.gates.find((x) => x.id === g.id)!} /> : null)}
          </GateList>
        </section>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
