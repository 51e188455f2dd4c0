import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CompleteDeliveryForm } from "~/components/complete-delivery-form";
import { DeliveryCaseFields } from "~/components/delivery-case-fields";
import { DeliveryPlan, GateList } from "~/components/delivery-plan";
import { ErrorList, Field, TextareaField } from "~/components/forms";
import { ScenarioStatusBadge } from "~/components/scenario-badges";
import { kpisOf } from "~/modules/delivery/case-content";
import { deliveryWouldComplete } from "~/modules/delivery/completion.server";
import { requireDeliveryManager } from "~/modules/delivery/delivery-access.server";
import { readDeliveryForm, type FormFailure } from "~/modules/delivery/delivery-forms.server";
import { departmentDeliveryAction } from "~/modules/delivery/department-actions.server";
import { acceptsGates, isDelivering } from "~/modules/delivery/delivery-phase";
import { deliveryScenario, deliveryView } from "~/modules/delivery/delivery-queries.server";
import { db } from "~/utils/db.server";
import { invariantResponse } from "~/utils/errors.server";
import { useT } from "~/utils/i18n";

// 发榜单位的交付页：时间线、验收与退回、赛马关口。 The department's delivery page: the timeline,
// accept / return, and the horse race's gates. File name "$id_" keeps it out of the manage layout.

export const meta: MetaFunction = () => [{ title: "交付管理 Delivery · 揭榜 Jiebang" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key } = await requireDeliveryManager(request, params.id);
  const scenario = await deliveryScenario({ id: key.id });
  invariantResponse(scenario, 404);
  const view = await deliveryView(key.id, { kind: "department" });
  // Nothing left open but still in delivery (a race's last gate decided after its last acceptance):
  // the page offers to complete it with the case text.
  const completable = isDelivering(scenario.status) && (await deliveryWouldComplete(db, key.id));
  return { scenario, view, kpis: kpisOf(scenario), completable };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key } = await requireDeliveryManager(request, params.id);
  const { form } = await readDeliveryForm(request);
  return departmentDeliveryAction(user, key, form);
}

function useFailure(formId: string) {
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  return failure?.formId === formId ? failure : undefined;
}

function AcceptForm({ milestoneId, completes, kpis }: { milestoneId: string; completes: boolean; kpis: string[] }) {
  const t = useT();
  const failure = useFailure(`accept-${milestoneId}`);
  return (
    <Form method="post" className="inline-form" aria-label={t("dl.accept.submit")}>
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <ErrorList errors={failure?.errors[""]} />
      <TextareaField label={t("dl.accept.note")} name="note" rows={2} defaultValue={failure?.values.note} errors={failure?.errors.note} />
      {completes ? <DeliveryCaseFields kpis={kpis} failure={failure} hint={t("dl.case.hint")} /> : null}
      <button type="submit" className="btn btn-primary">{t(completes ? "dl.accept.submitComplete" : "dl.accept.submit")}</button>
    </Form>
  );
}

function ReturnForm({ milestoneId }: { milestoneId: string }) {
  const t = useT();
  const failure = useFailure(`return-${milestoneId}`);
  return (
    <Form method="post" className="inline-form" aria-label={t("dl.return.submit")}>
      <input type="hidden" name="intent" value="return" />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <ErrorList errors={failure?.errors[""]} />
      <TextareaField label={t("dl.return.reason")} name="reason" rows={3} required defaultValue={failure?.values.reason} errors={failure?.errors.reason} />
      <Field label={t("dl.return.dueDate")} hint={t("dl.return.dueDateHint")} type="date" name="dueDate" defaultValue={failure?.values.dueDate} errors={failure?.errors.dueDate} />
      <button type="submit" className="btn">{t("dl.return.submit")}</button>
    </Form>
  );
}

function DeclareGateForm() {
  const t = useT();
  const failure = useFailure("declare-gate");
  return (
    <Form method="post" aria-labelledby="declare-gate-title">
      <h3 id="declare-gate-title">{t("dl.gate.declare")}</h3>
      <input type="hidden" name="intent" value="declareGate" />
      <ErrorList errors={failure?.errors[""]} />
      <Field label={t("dl.gate.name")} name="name" required defaultValue={failure?.values.name} errors={failure?.errors.name} />
      <Field label={t("dl.gate.date")} type="date" name="dueDate" required defaultValue={failure?.values.dueDate} errors={failure?.errors.dueDate} />
      <TextareaField label={t("dl.gate.metrics")} hint={t("dl.gate.metricsHint")} name="metrics" rows={3} required defaultValue={failure?.values.metrics} errors={failure?.errors.metrics} />
      <Field label={t("dl.gate.continuing")} type="number" min={1} name="continuing" required defaultValue={failure?.values.continuing} errors={failure?.errors.continuing} />
      <button type="submit" className="btn">{t("dl.gate.declareSubmit")}</button>
    </Form>
  );
}

type View = ReturnType<typeof useLoaderData<typeof loader>>["view"];

function DecideGateForm({ gate, teams }: { gate: View["gates"][number]; teams: View["teams"] }) {
  const t = useT();
  const failure = useFailure(`decide-${gate.id}`);
  const alive = teams.filter((team) => !team.eliminated);
  return (
    <Form method="post" aria-label={t("dl.gate.decide")}>
      <input type="hidden" name="intent" value="decideGate" />
      <input type="hidden" name="gateId" value={gate.id} />
      <ErrorList errors={failure?.errors[""]} />
      {gate.reports.length ? (
        <table className="table">
          <thead><tr><th scope="col">{t("dl.gate.team")}</th>{gate.metrics.map((m) => <th key={m} scope="col">{m}</th>)}<th scope="col">{t("dl.gate.files")}</th></tr></thead>
          <tbody>
            {gate.reports.map((r) => (
              <tr key={r.proposalId}>
                <td>{r.orgName}</td>
                {gate.metrics.map((m) => <td key={m}>{r.values.find((v) => v.metric === m)?.value ?? "—"}</td>)}
                <td>{r.files.map((f) => <a key={f.id} href={`/attachments/${f.id}`}>{f.filename} </a>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p>{t("dl.gate.noReports")}</p>}
      {alive.map((team) => (
        <fieldset key={team.proposalId}>
          <legend>{team.orgName}</legend>
          <label><input type="checkbox" name="continuing" value={team.proposalId} defaultChecked={failure?.values.continuing === team.proposalId} /> {t("dl.gate.continues")}</label>
          <TextareaField label={t("dl.gate.reason")} name={`reason-${team.proposalId}`} rows={2} required defaultValue={failure?.values[`reason-${team.proposalId}`]} />
        </fieldset>
      ))}
      <button type="submit" className="btn btn-primary">{t("dl.gate.decideSubmit")}</button>
    </Form>
  );
}

export default function DepartmentDeliveryRoute() {
  const t = useT();
  const { scenario, view, kpis, completable } = useLoaderData<typeof loader>();
  const startFailure = useFailure("start");
  const completeFailure = useFailure("complete");
  const nextGate = view.gates.find((g) => !g.decidedAt);
  return (
    <section aria-labelledby="delivery-title">
      <p className="meta-row"><span className="scenario-code">{scenario.code}</span><ScenarioStatusBadge status={scenario.status} /></p>
      <h1 id="delivery-title">{t("dl.title")}：{scenario.title}</h1>
      <p><Link to={`/department/scenarios/${scenario.id}`}>{t("dl.backToScenario")}</Link> · <Link to={`/scenarios/${scenario.code}#delivery`}>{t("dl.publicView")}</Link></p>
      {scenario.status === "awarded" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <ErrorList errors={startFailure?.errors[""]} />
          <p>{t("dl.start.intro")}</p>
          <button type="submit" className="btn btn-primary">{t("dl.start.submit")}</button>
        </Form>
      ) : null}
      {isDelivering(scenario.status) && (completable || completeFailure) ? <CompleteDeliveryForm kpis={kpis} failure={completeFailure} /> : null}
      {scenario.status === "completed" ? <p className="notice">{t("dl.completedNotice")} <Link to={`/cases/${scenario.code}`}>{t("dl.viewCase")}</Link></p> : null}
      <h2>{t("dl.plan")}</h2>
      {view.teams.every((team) => team.milestones.length === 0) ? <p>{t("dl.noPlan")}</p> : null}
      <DeliveryPlan
        teams={view.teams}
        actions={(m, team) => (m.status === "submitted" && !team.eliminated && scenario.status === "in_delivery" ? (
          <div className="decision-forms">
            <AcceptForm milestoneId={m.id} completes={"completes" in m && !!m.completes} kpis={kpis} />
            <ReturnForm milestoneId={m.id} />
          </div>
        ) : null)}
      />
      {scenario.mechanism === "horse_race" ? (
        <section id="gates" aria-labelledby="gates-title">
          <h2 id="gates-title">{t("dl.gates")}</h2>
          <GateList gates={view.gates}>
            {(g) => (nextGate?.id === g.id && acceptsGates(scenario.status) ? <DecideGateForm gate={nextGate} teams={view.teams} /> : null)}
          </GateList>
          {acceptsGates(scenario.status) ? <DeclareGateForm /> : null}
        </section>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
