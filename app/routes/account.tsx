import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MEMBER_ROLE_FOR_ORG } from "~/modules/accounts/invitations.server";
import { useT } from "~/utils/i18n";
import { requireUser } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    memberships: user.memberships.map((m) => ({
      orgId: m.orgId, org: m.org.name, orgType: m.org.type, verified: m.org.verified, role: m.role,
      canInvite: MEMBER_ROLE_FOR_ORG[m.org.type] === m.role,
    })),
  };
}

export default function AccountRoute() {
  const t = useT();
  const account = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <div className="card">
        <dl className="facts">
          <dt>{t("auth.name")}</dt><dd>{account.name}</dd>
          <dt>{t("account.email")}</dt>
          <dd>{account.email} <span className="badge">{account.emailVerified ? t("account.verified") : t("account.unverified")}</span></dd>
        </dl>
      </div>
      <h2>{t("dashboard.memberships")}</h2>
      <ul className="scenario-list">
        {account.memberships.map((m) => (
          <li key={`${m.org}-${m.role}`} className="scenario-item">
            <strong>{m.org}</strong> · {t(`role.${m.role}`)} · <span className="muted">{t(`orgType.${m.orgType}`)}</span>{" "}
            <span className="badge">{m.verified ? t("admin.orgs.verified") : t("admin.orgs.unverified")}</span>
            {m.canInvite ? <> · <Link to={`/organisation/members?org=${m.orgId}`}>{t("members.inviteTitle")}</Link></> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
