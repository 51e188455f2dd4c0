import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MechanismBadge, ScenarioStatusBadge } from "~/components/scenario-badges";
import { ScenarioBody } from "~/components/scenario-body";
import { ScenarioCancelledNotice } from "~/components/scenario-cancelled-notice";
import { ScenarioFacts } from "~/components/scenario-facts";
import { AttachmentList } from "~/components/attachment-list";
import { listScenarioAttachments } from "~/modules/attachments/attachments.server";
import { ScenarioFollowButton, ScenarioQuestions } from "~/components/scenario-questions";
import { localisedText } from "~/components/scenario-list-item";
import { ProposalCta } from "~/components/proposal-cta";
import { ScenarioVersionHistory } from "~/components/scenario-version-history";
import { ScenarioTimeline } from "~/components/scenario-timeline";
import { getScenarioQa } from "~/modules/questions/question-queries.server";
import { hasPublicNotice } from "~/modules/awards/award-queries.server";
import { getProposalCta } from "~/modules/proposals/proposal-queries.server";
import { renderMarkdown } from "~/modules/scenarios/markdown.server";
import { getScenarioByCode } from "~/modules/scenarios/scenario-queries.server";
import { isPublic } from "~/modules/scenarios/scenario-status";
import { PublicDelivery } from "~/components/public-delivery";
import { hasDelivery } from "~/modules/delivery/delivery-phase";
import { deliveryView } from "~/modules/delivery/delivery-queries.server";
import { invariantResponse } from "~/utils/errors.server";
import { useLocale, useT } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { can, getCurrentUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "揭榜 Jiebang" }];
  const s = data.scenario;
  return [
    { title: `${localisedText(s.title, s.titleEn, data.locale)} · ${s.code}` },
    { name: "description", content: localisedText(s.summary, s.summaryEn, data.locale) },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const scenario = await getScenarioByCode(params.code ?? "");
  invariantResponse(scenario, 404);
  // A draft (or a draft cancelled before publication) does not exist for anyone outside its department:
  // 404, not 403, so codes of unpublished work are not confirmed.
  invariantResponse(isPublic(scenario) || can(user, "scenario.viewDraft", scenario), 404);
  return {
    scenario,
    descriptionHtml: renderMarkdown(scenario.description),
    canManage: can(user, "scenario.manage", scenario),
    locale: await getLocale(request),
    now: new Date().toISOString(),
    attachments: await listScenarioAttachments(scenario.id),
    qa: await getScenarioQa(scenario, user),
    proposalCta: await getProposalCta(user, scenario),
    hasNotice: await hasPublicNotice(scenario.id),
    // 挂帅: the public summary (names, dates, statuses, decided gates); never evidence or files.
    delivery: hasDelivery(scenario.status) || scenario.mechanism === "horse_race" ? await deliveryView(scenario.id, { kind: "public" }) : null,
  };
}

export default function ScenarioDetailRoute() {
  const t = useT();
  const locale = useLocale();
  const { scenario: s, descriptionHtml, canManage, now, attachments, qa, proposalCta, hasNotice, delivery } = useLoaderData<typeof loader>();
  const showEnglish = locale === "en" && !!s.titleEn;
  return (
    <>
      <p className="meta-row">
        <Link to="/scenarios">{t("sc.d.backToList")}</Link>
        <span className="scenario-code">{s.code}</span>
        <ScenarioStatusBadge status={s.status} />
        <MechanismBadge mechanism={s.mechanism} raceTeams={s.raceTeams} />
      </p>
      <h1 lang={showEnglish ? "en" : "zh-CN"}>{showEnglish ? s.titleEn : s.title}</h1>
      {showEnglish ? <p className="muted" lang="zh-CN">{s.title}</p> : null}
      <ScenarioTimeline status={s.status} publishedAt={s.publishedAt} deadline={s.deadline} />
      {s.status === "draft" ? <p className="status-banner" role="note">{t("sc.d.draftBanner")}</p> : null}
      {s.status === "cancelled" ? <ScenarioCancelledNotice cancelledAt={s.cancelledAt} reason={s.cancelReason} /> : null}
      {hasNotice ? <p className="status-banner" role="note"><Link to={`/notices/${s.code}`}>{t("nc.link")}</Link></p> : null}
      {canManage ? (
        <p className="actions">
          <Link to={`/department/scenarios/${s.id}`} className="btn btn-secondary">{t("sc.d.manage")}</Link>
        </p>
      ) : null}
      {/* The facts and the call to action come first in the page, so a phone shows them before the long
          description; on a desktop the grid puts them in the right-hand column. */}
      <div className="two-col scenario-layout">
        <div className="scenario-aside">
          {s.status !== "draft" && s.status !== "cancelled" ? <ProposalCta cta={proposalCta} /> : null}
          <ScenarioFacts scenario={s} now={now} />
          <ScenarioFollowButton code={s.code} qa={qa} />
          <AttachmentList attachments={attachments} />
        </div>
        <div className="scenario-main">
          <ScenarioBody scenario={s} descriptionHtml={descriptionHtml} />
        </div>
      </div>
      {delivery ? <PublicDelivery code={s.code} status={s.status} delivery={delivery} /> : null}
      <ScenarioQuestions code={s.code} qa={qa} />
      <ScenarioVersionHistory versions={s.versions} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
