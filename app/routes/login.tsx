import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { logIn } from "~/modules/accounts/login.server";
import { clientIp } from "~/modules/accounts/rate-limit.server";
import { LoginSchema } from "~/modules/accounts/schemas";
import { readDeviceToken, trustDevice } from "~/modules/accounts/trusted-device.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { requireAnonymous } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { serializeSessionCookie } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "登录 Log in · 揭榜 Jiebang" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") return invalid(submission, ["password"]);
  try {
    const deviceToken = await readDeviceToken(request);
    const { token, expiresAt, userId } = await logIn(submission.value.email, submission.value.password, clientIp(request), deviceToken);
    const headers = new Headers();
    headers.append("Set-Cookie", await serializeSessionCookie(token, expiresAt));
    headers.append("Set-Cookie", await trustDevice(userId, deviceToken));
    return redirect(safeRedirect(submission.value.redirectTo, "/dashboard"), { headers });
  } catch (error) {
    return fromAppError(error, submission, ["password"]);
  }
}

export default function LoginRoute() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("auth.login.title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field label={t("auth.email")} {...getInputProps(fields.email, { type: "email" })} autoComplete="email" errors={fields.email.errors} />
        <Field label={t("auth.password")} {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" errors={fields.password.errors} />
        <div className="actions">
          <button type="submit" className="btn">{t("auth.login.submit")}</button>
          <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
        </div>
      </Form>
      <p className="small"><Link to="/signup">{t("auth.login.noAccount")}</Link></p>
    </section>
  );
}
