import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { createInvitation, invitationAdminPage } from "~/modules/accounts/invitations.server";
import { InvitationSchema } from "~/modules/accounts/schemas";
import { formatDateTime } from "~/utils/format";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { requirePermission, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "invitation.create");
  return invitationAdminPage(new URL(request.url).searchParams.get("org") ?? "");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  requirePermission(user, "invitation.create");
  const submission = parseWithZod(await request.formData(), { schema: InvitationSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await createInvitation(user, submission.value, await getLocale(request));
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast("/admin/invitations", { kind: "success", message: `✓ ${submission.value.email}` });
}

export default function AdminInvitations() {
  const t = useT();
  const locale = useLocale();
  const { organisations, orgMatches, orgQuery, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="invite-title">
      <h1 id="invite-title">{t("admin.invite.title")}</h1>
      {/* The organisation search is its own GET form; its box and button sit in the invitation form
          (form="org-search"), so Enter there searches instead of sending the invitation. */}
      <Form method="get" id="org-search" replace preventScrollReset />
      <div className="card">
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <div className="form-grid">
            <Field label={t("auth.email")} {...getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} />
            <Field label={t("auth.name")} {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
            <SelectField label={t("admin.invite.role")} {...getSelectProps(fields.role)} errors={fields.role.errors} placeholder="—"
              options={(["officer", "vendor_member", "evaluator", "admin"] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </div>
          <div className="field">
            <label htmlFor="org-search-q">{t("admin.invite.orgSearch")}</label>
            <div className="search-bar">
              <input id="org-search-q" type="search" name="org" form="org-search" defaultValue={orgQuery} aria-describedby="org-search-result" />
              <button type="submit" form="org-search" className="btn btn-secondary">{t("admin.invite.orgFind")}</button>
            </div>
            <p id="org-search-result" className="field-hint" aria-live="polite">{orgSearchText(t, orgQuery, orgMatches, organisations.length)}</p>
          </div>
          <div className="form-grid">
            <SelectField label={t("admin.invite.org")} {...getSelectProps(fields.orgId)} errors={fields.orgId.errors} placeholder="—"
              options={organisations.map((o) => ({ value: o.id, label: `${o.name}（${t(`orgType.${o.type}`)}）` }))} />
          </div>
          <button type="submit" className="btn">{t("admin.invite.submit")}</button>
        </Form>
      </div>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption>{t("admin.invite.pending")}</caption>
          <thead><tr><th>{t("auth.email")}</th><th>{t("admin.invite.role")}</th><th>{t("admin.invite.org")}</th><th>{t("admin.invite.expires")}</th></tr></thead>
          <tbody>
            {pending.map((i) => (
              <tr key={i.id}><td>{i.email}</td><td>{t(`role.${i.role}`)}</td><td>{i.org.name}</td><td>{formatDateTime(i.expiresAt, locale)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function orgSearchText(t: ReturnType<typeof useT>, q: string, total: number, shown: number): string {
  if (!q) return total > shown ? t("admin.invite.orgSome", { total, shown }) : "";
  if (total === 0) return t("admin.invite.orgNone", { q });
  return total > shown ? t("admin.invite.orgFoundSome", { total, shown, q }) : t("admin.invite.orgFound", { total, q });
}
