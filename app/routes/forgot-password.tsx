import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { requestPasswordReset } from "~/modules/accounts/password-reset.server";
import { clientIp } from "~/modules/accounts/rate-limit.server";
import { ForgotPasswordSchema } from "~/modules/accounts/schemas";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "找回密码 Reset password · 揭榜 Jiebang" }];

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await requestPasswordReset(submission.value.email, clientIp(request), await getLocale(request));
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast("/login", { kind: "info", message: "auth.forgot.sent" });
}

export default function ForgotPasswordRoute() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("auth.forgot.title")}</h1>
      <p className="muted">{t("auth.forgot.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field label={t("auth.email")} {...getInputProps(fields.email, { type: "email" })} autoComplete="email" errors={fields.email.errors} />
        <button type="submit" className="btn">{t("auth.forgot.submit")}</button>
      </Form>
    </section>
  );
}
