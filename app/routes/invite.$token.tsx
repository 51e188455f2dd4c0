import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { acceptInvitation, findOpenInvitation } from "~/modules/accounts/invitations.server";
import { AcceptInvitationSchema } from "~/modules/accounts/schemas";
import { db } from "~/utils/db.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { rotateSession } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(params.token ?? "");
  if (!invitation) return { invitation: null, existingAccount: false };
  const existingAccount = !!(await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } }));
  return { invitation: { email: invitation.email, name: invitation.name, role: invitation.role, orgName: invitation.org.name }, existingAccount };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: AcceptInvitationSchema });
  if (submission.status !== "success") return invalid(submission, ["password", "confirmPassword"]);
  const invitation = await findOpenInvitation(params.token ?? "");
  try {
    const userId = await acceptInvitation(params.token ?? "", submission.value);
    // A new role: the session the request came with ends, a new one starts.
    return redirectWithToast("/dashboard", { kind: "success", message: `${invitation?.org.name ?? ""} ✓` }, {
      headers: { "Set-Cookie": await rotateSession(request, userId) },
    });
  } catch (error) {
    return fromAppError(error, submission, ["password", "confirmPassword"]);
  }
}

export default function AcceptInvitationRoute() {
  const t = useT();
  const { invitation, existingAccount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { name: invitation?.name ?? "" },
  });
  if (!invitation) {
    return (
      <section className="card narrow">
        <h1>{t("invite.title")}</h1>
        <p role="alert">{t("auth.linkInvalid")}</p>
        <Link to="/login">{t("nav.login")}</Link>
      </section>
    );
  }
  // The role's name comes from the locale files: a `.server` module (ROLE_LABELS) does not exist in the
  // browser bundle, and reading it there crashed the page during hydration.
  const role = t(`role.${invitation.role}`);
  return (
    <section className="card narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{t("invite.title")}</h1>
      <p>{t("invite.introShort", { org: invitation.orgName, role })}</p>
      <p className="muted">{t("auth.email")}: {invitation.email}</p>
      {existingAccount ? <p className="muted">{t("invite.existingAccount")}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field label={t("auth.name")} {...getInputProps(fields.name, { type: "text" })} autoComplete="name" errors={fields.name.errors} />
        <Field label={t("auth.password")} {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" errors={fields.password.errors} />
        <Field label={t("auth.confirmPassword")} {...getInputProps(fields.confirmPassword, { type: "password" })} autoComplete="new-password" errors={fields.confirmPassword.errors} />
        <button type="submit" className="btn">{t("invite.submit")}</button>
      </Form>
    </section>
  );
}
