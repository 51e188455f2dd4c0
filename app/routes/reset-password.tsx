import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { resetPassword } from "~/modules/accounts/password-reset.server";
import { ResetPasswordSchema } from "~/modules/accounts/schemas";
import { readDeviceToken, trustDevice } from "~/modules/accounts/trusted-device.server";
import { peekToken } from "~/modules/accounts/tokens.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { clearSessionCookie } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "设置新密码 New password · 揭榜 Jiebang" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, valid: token.length > 0 && (await peekToken(token, "reset_password")) };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success") return invalid(submission, ["password", "confirmPassword"]);
  let userId: string;
  try {
    userId = await resetPassword(submission.value.token, submission.value.password);
  } catch (error) {
    return fromAppError(error, submission, ["password", "confirmPassword"]);
  }
  // Whoever followed the mailed link proved the mailbox: this browser logs in past any throttling of strangers.
  const headers = new Headers();
  headers.append("Set-Cookie", await clearSessionCookie());
  headers.append("Set-Cookie", await trustDevice(userId, await readDeviceToken(request)));
  return redirectWithToast("/login", { kind: "success", message: "auth.reset.done" }, { headers });
}

export default function ResetPasswordRoute() {
  const t = useT();
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reset",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!valid) {
    return (
      <section className="card narrow">
        <h1>{t("auth.reset.title")}</h1>
        <p role="alert">{t("auth.linkInvalid")}</p>
        <Link to="/forgot-password">{t("auth.forgot.title")}</Link>
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("auth.reset.title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="token" value={token} />
        <Field label={t("auth.newPassword")} {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" errors={fields.password.errors} />
        <Field label={t("auth.confirmPassword")} {...getInputProps(fields.confirmPassword, { type: "password" })} autoComplete="new-password" errors={fields.confirmPassword.errors} />
        <button type="submit" className="btn">{t("auth.reset.submit")}</button>
      </Form>
    </section>
  );
}
