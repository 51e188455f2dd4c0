import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { translateMaybe, useT, type MessageKey } from "~/utils/i18n";

const BY_STATUS: Record<number, MessageKey> = {
  400: "error.badRequest",
  401: "error.unauthorized",
  403: "error.forbidden",
  404: "error.notFound",
  409: "error.conflict",
  429: "error.tooMany",
};

const TITLES: Record<number, MessageKey> = { 401: "error.title401", 403: "error.title403", 404: "error.title404" };
const HINTS: Record<number, MessageKey> = { 403: "error.hint403", 404: "error.hint404" };

// Shows a translated, friendly page for expected responses — what happened, what to try, where to
// go — and never a stack trace or a raw message key.
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const location = useLocation();
  let status = 500;
  let message: string = t("error.server");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const body = typeof error.data === "string" && error.data.length < 200 ? error.data : "";
    message = body ? translateMaybe(t, body) : t(BY_STATUS[status] ?? "error.server");
    // A body that is not a message key (e.g. Remix's "No route matches URL") is not for people.
    if (body && body === translateMaybe(t, body)) message = t(BY_STATUS[status] ?? "error.server");
  } else if (typeof window === "undefined") {
    console.error(error);
  }
  const title = TITLES[status] ? t(TITLES[status]!) : t("error.title");
  const hint = HINTS[status] ? t(HINTS[status]!) : null;
  const here = location.pathname.startsWith("/errors/") ? "/" : location.pathname + location.search;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status" aria-hidden="true">{status}</p>
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      {hint ? <p className="muted">{hint}</p> : null}
      <p className="actions">
        {status === 401 || status === 403 ? (
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="btn">{t("error.login")}</Link>
        ) : null}
        <Link to="/scenarios" className={status === 401 || status === 403 ? "btn btn-secondary" : "btn"}>{t("error.browse")}</Link>
        <Link to="/" className="btn btn-secondary">{t("error.goHome")}</Link>
      </p>
    </section>
  );
}
