import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "~/utils/db.server";
import { useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: user.membership.orgId },
    select: { id: true, name: true, type: true, verified: true, intro: true, sectors: true, techTags: true },
  });
  const openCount = await db.scenario.count({ where: { status: "published" } });
  return { org, openCount, emailVerified: user.emailVerified };
}

export default function VendorHome() {
  const t = useT();
  const { org, openCount, emailVerified } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="vendor-title">
      <h1 id="vendor-title">{t("nav.vendor")}</h1>
      {!emailVerified ? <p className="toast toast-info" role="status">{t("auth.unverified")}</p> : null}
      <div className="card">
        <h2>{org.name}</h2>
        <p className="meta-row">
          <span>{t(`orgType.${org.type}`)}</span>
          <span className="badge">{org.verified ? t("admin.orgs.verified") : t("admin.orgs.unverified")}</span>
        </p>
        {org.intro ? <p>{org.intro}</p> : null}
        <p>{org.techTags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</p>
      </div>
      <div className="stats">
        <Link to="/scenarios" className="stat"><strong>{openCount}</strong>{t("dashboard.vendorOpen")}</Link>
      </div>
    </section>
  );
}
