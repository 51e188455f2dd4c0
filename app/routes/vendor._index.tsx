import { ScenarioStatusBadge } from "~/components/scenario-badges";
import { deliveriesOf } from "~/modules/delivery/case-queries.server";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { markNotRelevant } from "../../search/matching/feedback.server";
import { scenariosForVendor } from "../../search/matching/scenarios-for-vendor.server";
import { MatchScenarioSection, NOT_RELEVANT_INTENT } from "~/components/match-scenario-list";
import { TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { translateMaybe, useLocale, useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const orgId = user.membership.orgId;
  const [org, openCount, recommendations, deliveries] = await Promise.all([
    db.organisation.findUniqueOrThrow({
      where: { id: orgId },
      select: { id: true, name: true, type: true, verified: true, intro: true, sectors: true, techTags: true },
    }),
    db.scenario.count({ where: { status: "published" } }),
    scenariosForVendor(orgId),
    deliveriesOf([orgId]),
  ]);
  return { org, openCount, emailVerified: user.emailVerified, recommendations, deliveries };
}

// Ids are cuids; the bound only keeps junk out of the database query.
const NotRelevantSchema = z.object({
  intent: z.literal(NOT_RELEVANT_INTENT),
  scenarioId: z.string().trim().min(1).max(64),
});

// "Not relevant" on a recommendation: stored for the member's organisation, never for another one.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const submission = parseWithZod(await request.formData(), { schema: NotRelevantSchema });
  if (submission.status !== "success") return data({ error: "error.badRequest" }, { status: 400 });
  try {
    await markNotRelevant({ orgId: user.membership.orgId, scenarioId: submission.value.scenarioId, userId: user.id });
  } catch (error) {
    if (error instanceof AppError) return data({ error: error.label as string }, { status: error.status });
    throw error;
  }
  // Back to the same URL (keeps ?org= for members of several organisations).
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return redirectWithToast(`${url.pathname}${url.search}`, { kind: "success", message: "match.toast.dismissed" });
}

export default function VendorHome() {
  const t = useT();
  const locale = useLocale();
  const { org, openCount, emailVerified, recommendations, deliveries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="vendor-title">
      <h1 id="vendor-title">{t("nav.vendor")}</h1>
      {!emailVerified ? <p className="toast toast-info" role="status">{t("auth.unverified")}</p> : null}
      {actionData?.error ? <div className="form-errors" role="alert"><p>{translateMaybe(t, actionData.error)}</p></div> : null}
      <div className="card">
        <h2>{org.name}</h2>
        <p className="meta-row">
          <span>{t(`orgType.${org.type}`)}</span>
          <span className="badge">{org.verified ? t("admin.orgs.verified") : t("admin.orgs.unverified")}</span>
        </p>
        {org.intro ? <p>{org.intro}</p> : null}
        <p>{org.techTags.map((tag) => <span key={tag} className="tag">{label(TECH_TAGS, tag, locale)}</span>)}</p>
        <p className="actions">
          {/* ?org= keeps a member of several organisations on this one. */}
          <Link to={`/vendor/profile?org=${org.id}`} className="btn btn-secondary">{t("pf.link")}</Link>
          {!org.verified ? <Link to={`/vendor/profile/verification?org=${org.id}`} className="btn btn-secondary">{t("vd.link")}</Link> : null}
        </p>
      </div>
      <div className="stats">
        <Link to="/scenarios" className="stat"><strong>{openCount}</strong>{t("dashboard.vendorOpen")}</Link>
      </div>
      {deliveries.length ? (
        <section className="card" aria-labelledby="vendor-deliveries">
          <h2 id="vendor-deliveries">{t("dl.vendorHome.title")}</h2>
          <ul className="plain-list">
            {deliveries.map((d) => (
              <li key={d.id}>
                <Link to={`/vendor/delivery/${d.scenario.code}`}>{d.scenario.code} · {d.scenario.title}</Link> <ScenarioStatusBadge status={d.scenario.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <MatchScenarioSection result={recommendations} />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
