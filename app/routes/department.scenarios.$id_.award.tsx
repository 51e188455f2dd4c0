import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AwardRanking } from "~/components/award-ranking";
import { FormErrors, TextareaField } from "~/components/forms";
import { MechanismBadge, ScenarioStatusBadge } from "~/components/scenario-badges";
import { declareFailed, proposeAward, publishNotice } from "~/modules/awards/award-commands.server";
import { canDecide, canPublishNotice, hasAwardPage } from "~/modules/awards/award-phase";
import { getAwardPage } from "~/modules/awards/award-queries.server";
import { AwardActionSchema, FailSchema } from "~/modules/awards/award-schema";
import { noticeEndText } from "~/modules/awards/notice-text";
import { requireScenarioManager } from "~/modules/scenarios/scenario-guards.server";
import { invariantResponse } from "~/utils/errors.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.scenario.code} 定标与公示 · 揭榜 Jiebang` : "揭榜 Jiebang" }];

// 定标与公示：发榜部门根据评审汇总按揭榜机制提出拟中选结果（或宣布流标），核对后发布平台生成的公示。
// The department's award page: propose the award from the evaluation ranking by mechanism (or declare
// the call failed), then publish the notice the platform generates. Every rule lives in modules/awards.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { key, ref } = await requireScenarioManager(request, params.id);
  invariantResponse(hasAwardPage(ref.status), 404);
  return getAwardPage(key.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, key } = await requireScenarioManager(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: AwardActionSchema });
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  try {
    if (value.intent === "propose") await proposeAward(user, key, { winnerIds: value.winnerIds, note: value.note });
    else if (value.intent === "fail") await declareFailed(user, key, value.reason);
    else await publishNotice(user, key);
  } catch (error) {
    return fromAppError(error, submission);
  }
  const message = value.intent === "propose" ? "aw.toast.proposed" : value.intent === "fail" ? "aw.toast.failed" : "aw.toast.published";
  return redirectWithToast(`/department/scenarios/${key.id}/award`, { kind: "success", message });
}

/** The result of the form that was posted, so the other forms on the page do not show its errors. */
function useResultOf(intent: string) {
  const actionData = useActionData<typeof action>();
  const posted = (actionData?.result?.initialValue as Record<string, unknown> | undefined)?.intent;
  return posted === intent ? actionData?.result : undefined;
}

function DecideForms({ page }: { page: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const t = useT();
  const [form, fields] = useForm({ id: "award-propose", lastResult: useResultOf("propose") });
  const [failForm, failFields] = useForm({ id: "award-fail", lastResult: useResultOf("fail"), onValidate: ({ formData }) => parseWithZod(formData, { schema: FailSchema }), shouldValidate: "onBlur" });
  const s = page.scenario;
  const rule = s.mechanism === "horse_race" ? t("aw.rule.horse_race", { n: s.raceTeams ?? 1 })
    : s.mechanism === "directed" ? t("aw.rule.directed", { n: s.passMark ?? t("aw.rule.noPassMark") }) : t("aw.rule.open_call");
  return (
    <>
      <section className="card" aria-labelledby="decide-title">
        <h2 id="decide-title">{t("aw.ranking")}</h2>
        <p>{rule}</p>
        <p className="muted">{t("aw.shortlistRule")}</p>
        {!page.ready ? <p className="status-banner" role="status">{t("aw.notReady", { n: page.progress })}</p> : null}
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="propose" />
          <FormErrors errors={form.errors} />
          <AwardRanking rows={page.results} choose checked={page.suggested} caption={t("aw.ranking")} />
          <TextareaField label={t("aw.note")} {...getTextareaProps(fields.note)} rows={3} errors={fields.note.errors} />
          <div className="actions"><button type="submit" className="btn btn-primary" disabled={!page.ready}>{t("aw.propose")}</button></div>
        </Form>
      </section>
      <section className="card" aria-labelledby="fail-title">
        <h2 id="fail-title">{t("aw.fail.title")}</h2>
        <p>{t("aw.fail.hint")}</p>
        <Form method="post" {...getFormProps(failForm)}>
          <input type="hidden" name="intent" value="fail" />
          <FormErrors errors={failForm.errors} />
          <TextareaField label={t("aw.fail.reason")} {...getTextareaProps(failFields.reason)} rows={3} errors={failFields.reason.errors} />
          <div className="actions"><button type="submit" className="btn btn-danger">{t("aw.fail.submit")}</button></div>
        </Form>
      </section>
    </>
  );
}

export default function AwardRoute() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const [publishForm] = useForm({ id: "award-publish", lastResult: useResultOf("publish") });
  const s = page.scenario;
  const d = page.decision;
  return (
    <>
      <p className="meta-row">
        <Link to={`/department/scenarios/${s.id}`}>{t("aw.back")}</Link>
        <span className="scenario-code">{s.code}</span>
        <ScenarioStatusBadge status={s.status} />
        <MechanismBadge mechanism={s.mechanism} raceTeams={s.raceTeams} />
      </p>
      <h1>{t("aw.page.title", { n: s.title })}</h1>
      {s.status === "cancelled" ? <p className="status-banner" role="note">{t("aw.failed", { n: s.cancelReason ?? "" })}</p> : null}
      {canDecide(s.status) ? <DecideForms page={page} /> : null}
      {d && !canDecide(s.status) && s.status !== "cancelled" ? (
        <section className="card" aria-labelledby="decision-title">
          <h2 id="decision-title">{canPublishNotice(s.status) ? t("aw.proposed.title") : t("aw.round", { n: d.round })}</h2>
          <AwardRanking rows={d.ranking} caption={t("aw.round", { n: d.round })} finalised={!!d.finalisedAt} />
          {d.note ? <p><strong>{t("nc.note")}</strong>：{d.note}</p> : null}
          {canPublishNotice(s.status) ? (
            <Form method="post" {...getFormProps(publishForm)}>
              <input type="hidden" name="intent" value="publish" />
              <FormErrors errors={publishForm.errors} />
              <p>{t("aw.proposed.hint", { n: d.noticeDays })}</p>
              <div className="actions"><button type="submit" className="btn btn-primary">{t("aw.publish")}</button></div>
            </Form>
          ) : null}
          {s.status === "notice" && d.noticeEndsAt ? <p role="status">{t("aw.inNotice", { n: noticeEndText(d.noticeEndsAt, locale, t) })}</p> : null}
          {d.finalisedAt ? <p role="status">{t("aw.done.awarded")}</p> : null}
          <p className="actions">
            {d.noticeStartsAt ? <Link to={`/notices/${s.code}`} className="btn btn-secondary">{t("aw.viewNotice")}</Link> : null}
            {d.noticeStartsAt ? <Link to={`/department/scenarios/${s.id}/objections`} className="btn btn-secondary">{t("aw.objections.link", { n: page.toAnswer })}</Link> : null}
          </p>
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
