import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { translateMaybe, useT, type MessageKey } from "~/utils/i18n";

const BY_STATUS: Record<number, MessageKey> = {
  400: "error.badRequest",
  401: "error.unauthorized",
  403: "error.forbidden",
  404: "error.notFound",
  409: "error.conflict",
  429: "error.tooMany",
};

// Shows a translated message for expected responses and never a stack trace.
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let status = 500;
  let message: string = t("error.server");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const body = typeof error.data === "string" && error.data.length < 200 ? error.data : "";
    message = body ? translateMaybe(t, body) : t(BY_STATUS[status] ?? "error.server");
    if (body && body === translateMaybe(t, body) && BY_STATUS[status]) message = t(BY_STATUS[status]!);
  } else if (typeof window === "undefined") {
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{t("error.title")}</h1>
      <p>{message}</p>
      <p><Link to="/">{t("error.goHome")}</Link></p>
    </section>
  );
}
