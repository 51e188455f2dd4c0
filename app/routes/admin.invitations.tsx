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
  return invitationAdminPage();
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
  const { organisations, pending } = useLoaderData<typeof loader>();
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
      <div className="card">
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <div className="form-grid">
            <Field label={t("auth.email")} {...getInputProps(fields.email, { type: "email" })} errors={fields.email.errors} />
            <Field label={t("auth.name")} {...getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
            <SelectField label={t("admin.invite.role")} {...getSelectProps(fields.role)} errors={fields.role.errors} placeholder="—"
              options={(["officer", "vendor_member", "evaluator", "admin"] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            <SelectField label={t("admin.invite.org")} {...getSelectProps(fields.orgId)} errors={fields.orgId.errors} placeholder="—"
              options={organisations.map((o) => ({ value: o.id, label: `${o.name}（${t(`orgType.${o.type}`)}）` }))} />
          </div>
          <button type="submit" className="btn">{t("admin.invite.submit")}</button>
        </Form>
      </div>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption>{t("admin.invite.pending")}</caption>
          <thead><tr><th>{t("auth.email")}</th><th>{t("admin.invite.role")}</th><th>{t("admin.invite.org")}</th><th>⏳</th></tr></thead>
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
