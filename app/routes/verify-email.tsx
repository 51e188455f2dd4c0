import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { verifyEmail } from "~/modules/accounts/password-reset.server";
import { AppError } from "~/utils/errors.server";
import { useT } from "~/utils/i18n";
import { redirectWithToast } from "~/utils/toast.server";

// Opening the link verifies the address; a used or expired link explains itself.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    await verifyEmail(token);
  } catch (error) {
    if (error instanceof AppError) return { failed: true };
    throw error;
  }
  return redirectWithToast("/login", { kind: "success", message: "auth.verify.ok" });
}

export default function VerifyEmailRoute() {
  const t = useT();
  return (
    <section className="card narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">{t("auth.verify.title")}</h1>
      <p role="alert">{t("auth.linkInvalid")}</p>
      <p><Link to="/login">{t("nav.login")}</Link></p>
    </section>
  );
}
