import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { clientIp, enforceRateLimits } from "~/modules/accounts/rate-limit.server";
import { SignupSchema } from "~/modules/accounts/schemas";
import { signUpVendor } from "~/modules/accounts/signup.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { requireAnonymous } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "注册 Sign up · 揭榜 Jiebang" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseWithZod(await request.formData(), { schema: SignupSchema });
  if (submission.status !== "success") return invalid(submission, ["password", "confirmPassword"]);
  try {
    await enforceRateLimits([{ key: `signup:ip:${clientIp(request)}`, limit: 20, windowSeconds: 3600 }]);
    await signUpVendor(submission.value, await getLocale(request));
  } catch (error) {
    return fromAppError(error, submission, ["password", "confirmPassword"]);
  }
  // The same answer for a new and an already registered address.
  return redirectWithToast("/login", { kind: "info", message: "auth.signup.sent" });
}

export default function SignupRoute() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { orgType: "vendor" },
  });
  return (
    <section className="card narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("auth.signup.title")}</h1>
      <p className="muted">{t("auth.signup.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <SelectField
          label={t("auth.signup.orgType")}
          {...getSelectProps(fields.orgType)}
          errors={fields.orgType.errors}
          options={[
            { value: "vendor", label: t("orgType.vendor") },
            { value: "institute", label: t("orgType.institute") },
          ]}
        />
        <Field label={t("auth.signup.orgName")} {...getInputProps(fields.orgName, { type: "text" })} autoComplete="organization" errors={fields.orgName.errors} />
        <Field label={t("auth.signup.creditCode")} {...getInputProps(fields.creditCode, { type: "text" })} hint={t("auth.signup.creditCodeHint")} maxLength={18} errors={fields.creditCode.errors} />
        <Field label={t("auth.name")} {...getInputProps(fields.name, { type: "text" })} autoComplete="name" errors={fields.name.errors} />
        <Field label={t("auth.email")} {...getInputProps(fields.email, { type: "email" })} autoComplete="email" errors={fields.email.errors} />
        <Field label={t("auth.password")} {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" errors={fields.password.errors} />
        <Field label={t("auth.confirmPassword")} {...getInputProps(fields.confirmPassword, { type: "password" })} autoComplete="new-password" errors={fields.confirmPassword.errors} />
        <div className="actions">
          <button type="submit" className="btn">{t("auth.signup.submit")}</button>
          <Link to="/login">{t("auth.signup.haveAccount")}</Link>
        </div>
      </Form>
    </section>
  );
}
