import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams, Link } from "@remix-run/react";
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { QUEUES, enqueue } from "~/utils/jobs.server";
import { useT } from "~/utils/i18n";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

const VerifySchema = z.object({ orgId: z.string().min(1), verified: z.enum(["true", "false"]) });
const TYPES = ["vendor", "institute", "department", "platform"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "org.verify");
  const typeParam = new URL(request.url).searchParams.get("type");
  const type = TYPES.find((t) => t === typeParam) ?? "vendor";
  const organisations = await db.organisation.findMany({
    where: { type },
    select: { id: true, name: true, creditCode: true, verified: true, district: true, _count: { select: { memberships: true } } },
    orderBy: [{ verified: "asc" }, { name: "asc" }],
  });
  return { type, organisations };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "org.verify");
  const parsed = VerifySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("error.badRequest", { status: 400 });
  const verified = parsed.data.verified === "true";
  await db.$transaction(async (tx) => {
    const updated = await tx.organisation.updateMany({ where: { id: parsed.data.orgId }, data: { verified } });
    if (updated.count === 0) throw new Response("error.notFound", { status: 404 });
    await recordAudit(tx, { actor: user, action: verified ? "organisation.verify" : "organisation.unverify", entityId: parsed.data.orgId, orgId: parsed.data.orgId, data: {} });
    await enqueue(tx, QUEUES.searchSync, { kind: "organisation", id: parsed.data.orgId });
  });
  return redirectWithToast(new URL(request.url).pathname + new URL(request.url).search, { kind: "success", message: "admin.orgs.updated" });
}

export default function AdminOrganisations() {
  const t = useT();
  const { type, organisations } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <section aria-labelledby="orgs-title">
      <h1 id="orgs-title">{t("admin.orgs.title")}</h1>
      <nav className="tabs" aria-label={t("admin.orgs.title")}>
        {TYPES.map((ty) => (
          <Link key={ty} to={`?type=${ty}`} aria-current={ty === type ? "page" : undefined}>{t(`orgType.${ty}`)}</Link>
        ))}
      </nav>
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t("auth.signup.orgName")}</th><th>{t("auth.signup.creditCode")}</th><th>{t("common.status")}</th><th>{t("common.actions")}</th></tr></thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td><code>{o.creditCode ?? "—"}</code></td>
                <td><span className="badge">{o.verified ? t("admin.orgs.verified") : t("admin.orgs.unverified")}</span></td>
                <td>
                  <Form method="post" action={`/admin/organisations?${params.toString()}`}>
                    <input type="hidden" name="orgId" value={o.id} />
                    <input type="hidden" name="verified" value={o.verified ? "false" : "true"} />
                    <button type="submit" className="btn btn-secondary btn-small" aria-label={`${o.verified ? t("admin.orgs.unverify") : t("admin.orgs.verify")} ${o.name}`}>
                      {o.verified ? t("admin.orgs.unverify") : t("admin.orgs.verify")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
