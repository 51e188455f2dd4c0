import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { localisedText } from "~/components/scenario-list-item";
import { listNotices } from "~/modules/awards/award-queries.server";
import { noticeEndText, noticeFirstDayText } from "~/modules/awards/notice-text";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "结果公示 Award notices · 揭榜 Jiebang" }];

// 结果公示列表：公开页面，无需登录。The public list of award notices, signed out and without JavaScript.
export async function loader() {
  return { notices: await listNotices() };
}

export default function NoticesRoute() {
  const t = useT();
  const locale = useLocale();
  const { notices } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("nc.title")}</h1>
      <p>{t("nc.intro")}</p>
      {notices.length === 0 ? <p className="muted">{t("nc.empty")}</p> : (
        <div className="table-wrap" tabIndex={0}>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">{t("nc.col.code")}</th>
                <th scope="col">{t("nc.col.title")}</th>
                <th scope="col">{t("nc.col.department")}</th>
                <th scope="col">{t("nc.col.period")}</th>
                <th scope="col">{t("nc.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr key={n.id}>
                  <td className="scenario-code">{n.scenario.code}</td>
                  <td><Link to={`/notices/${n.scenario.code}`}>{localisedText(n.scenario.title, n.scenario.titleEn, locale)}</Link></td>
                  <td>{n.scenario.department.name}</td>
                  <td>{n.noticeStartsAt && n.noticeEndsAt ? `${noticeFirstDayText(n.noticeStartsAt, locale)} – ${noticeEndText(n.noticeEndsAt, locale, t)}` : "—"}</td>
                  <td>{t(`nc.status.${n.status}` as "nc.status.final")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
