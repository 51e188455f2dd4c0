import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { inviteColleague, MEMBER_ROLE_FOR_ORG, organisationMembers } from "~/modules/accounts/invitations.server";
import { ColleagueInvitationSchema } from "~/modules/accounts/schemas";
import { formatDateTime } from "~/utils/format";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { forbidden, requireUser, type CurrentUser } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "单位成员 Members · 揭榜 Jiebang" }];

// The organisation whose members the caller manages: one where they hold its member role
// (?org= picks among several). Evaluators and admins of the platform have no colleagues to invite here.
async function requireOwnOrganisation(request: Request): Promise<{ user: CurrentUser; orgId: string; orgName: string }> {
  const user = await requireUser(request);
  const own = user.memberships.filter((m) => MEMBER_ROLE_FOR_ORG[m.org.type] === m.role);
  if (own.length === 0) forbidden();
  const wanted = new URL(request.url).searchParams.get("org");
  const membership = own.find((m) => m.orgId === wanted) ?? own[0]!;
  return { user, orgId: membership.orgId, orgName: membership.org.name };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { orgId, orgName } = await requireOwnOrganisation(request);
  const { members, pending } = await organisationMembers(orgId);
  return {
    orgName,
    members: members.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, role: m.role, since: m.createdAt })),
    pending: pending.map((i) => ({ id: i.id, name: i.name, email: i.email, invitedBy: i.invitedBy.name, expiresAt: i.expiresAt })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, orgId } = await requireOwnOrganisation(request);
  const submission = parseWithZod(await request.formData(), { schema: ColleagueInvitationSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await inviteColleague(user, orgId, submission.value, await getLocale(request));
  } catch (error) {
    return fromAppError(error, submission);
  }
  const url = new URL(request.url);
  return redirectWithToast(`/organisation/members${url.search}`, { kind: "success", message: "members.invited" });
}

export default function OrganisationMembersRoute() {
  const t = useT();
  const locale = useLocale();
  const { orgName, members, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite-colleague",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ColleagueInvitationSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t("members.title", { org: orgName })}</h1>
      <p className="muted">{t("members.intro")}</p>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption>{t("members.current")}</caption>
          <thead><tr><th>{t("auth.name")}</th><th>{t("auth.email")}</th><th>{t("admin.invite.role")}</th><th>{t("members.since")}</th></tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={`${m.id}-${m.role}`}><td>{m.name}</td><td>{m.email}</td><td>{t(`role.${m.role}`)}</td><td>{formatDateTime(m.since, locale)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h2>{t("members.inviteTitle")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <div className="form-grid">
            <Field label={t("auth.email")} {...getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} />
            <Field label={t("auth.name")} {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
          </div>
          <button type="submit" className="btn">{t("admin.invite.submit")}</button>
        </Form>
      </div>
      {pending.length > 0 ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>{t("admin.invite.pending")}</caption>
            <thead><tr><th>{t("auth.name")}</th><th>{t("auth.email")}</th><th>{t("members.invitedBy")}</th><th>{t("members.expires")}</th></tr></thead>
            <tbody>
              {pending.map((i) => (
                <tr key={i.id}><td>{i.name}</td><td>{i.email}</td><td>{i.invitedBy}</td><td>{formatDateTime(i.expiresAt, locale)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
