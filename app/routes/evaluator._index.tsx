import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { WorkspaceGroup } from "~/components/evaluation-workspace-list";
import { evaluatorWorkspace } from "~/modules/evaluation/assignment-queries.server";
import { useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";

// 评审工作台：本人的评审任务，按“待接受 / 进行中 / 已完成”分组。这里不读取任何申报内容。
// The evaluator's workspace: their own assignments, grouped. No proposal content is read here.

export const meta: MetaFunction = () => [{ title: "评审工作台 Evaluator · 揭榜 Jiebang" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "evaluator");
  return { name: user.name, org: user.membership.org.name, now: new Date().toISOString(), ...(await evaluatorWorkspace(user.id)) };
}

export default function EvaluatorHome() {
  const t = useT();
  const { name, org, now, toAccept, inProgress, done } = useLoaderData<typeof loader>();
  const none = toAccept.length + inProgress.length + done.length === 0;
  return (
    <section aria-labelledby="evaluator-title">
      <h1 id="evaluator-title">{t("nav.evaluator")}</h1>
      <p className="muted">{name} · {org}</p>
      <p><Link to="/evaluator/profile">{t("ep.own.link")}</Link></p>
      {none ? <div className="card"><p>{t("dashboard.evaluatorEmpty")}</p></div> : (
        <>
          <WorkspaceGroup id="to-accept" title="ea.ws.toAccept" empty="ea.ws.toAcceptEmpty" items={toAccept} now={now} />
          <WorkspaceGroup id="in-progress" title="ea.ws.inProgress" empty="ea.ws.inProgressEmpty" items={inProgress} now={now} />
          <WorkspaceGroup id="done" title="ea.ws.done" empty="ea.ws.doneEmpty" items={done} now={now} />
        </>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
