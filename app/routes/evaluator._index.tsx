import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "evaluator");
  return { name: user.name, org: user.membership.org.name };
}

export default function EvaluatorHome() {
  const t = useT();
  const { name, org } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="evaluator-title">
      <h1 id="evaluator-title">{t("nav.evaluator")}</h1>
      <p className="muted">{name} · {org}</p>
      <p><Link to="/evaluator/profile">{t("ep.own.link")}</Link></p>
      <div className="card"><p>{t("dashboard.evaluatorEmpty")}</p></div>
    </section>
  );
}
