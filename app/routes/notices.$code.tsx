import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeRound } from "~/components/notice-round";
import { MechanismBadge } from "~/components/scenario-badges";
import { localisedText } from "~/components/scenario-list-item";
import { getNotice } from "~/modules/awards/award-queries.server";
import { isWithinNotice } from "~/modules/awards/notice-period";
import { invariantResponse } from "~/utils/errors.server";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.scenario.code} 结果公示 Award notice · 揭榜 Jiebang` : "揭榜 Jiebang" }];

// 公示页：由平台根据定标结果生成，公开，无需登录。异议人身份永不在此出现。
// The public notice of one scenario, generated from its decisions; signed out, without JavaScript.
// Objections show as reference, date and outcome only: the objector is never named.
export async function loader({ params }: LoaderFunctionArgs) {
  const notice = await getNotice(params.code ?? "");
  invariantResponse(notice, 404);
  const current = notice.decisions[0]!;
  return { ...notice, open: isWithinNotice(current, new Date()) };
}

export default function NoticeRoute() {
  const t = useT();
  const locale = useLocale();
  const { scenario: s, decisions, open } = useLoaderData<typeof loader>();
  const [current, ...earlier] = decisions;
  return (
    <>
      <p className="meta-row">
        <Link to="/notices">{t("nc.title")}</Link>
        <span className="scenario-code">{s.code}</span>
        <MechanismBadge mechanism={s.mechanism} raceTeams={s.raceTeams} />
      </p>
      <h1>{t("nc.heading", { n: localisedText(s.title, s.titleEn, locale) })}</h1>
      <p className="muted">{t("nc.generated")}</p>
      <p>{t("nc.department")}：{s.department.name} · <Link to={`/scenarios/${s.code}`}>{t("nc.scenario")}</Link></p>
      <p>{s.objectionContact ? t("nc.contact", { n: s.objectionContact }) : t("nc.contactPlatform")}</p>
      {open ? <p className="actions"><Link to={`/notices/${s.code}/objection`} className="btn btn-secondary">{t("nc.object")}</Link></p> : null}
      {current ? <NoticeRound d={current} showEvaluators /> : null}
      {earlier.length ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("nc.history")}</h2>
          {earlier.map((d) => <NoticeRound key={d.id} d={d} showEvaluators />)}
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
