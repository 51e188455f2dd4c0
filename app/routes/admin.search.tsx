import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { searchHealth } from "../../search/health.server";

export const meta: MetaFunction = () => [{ title: "Search · Jiebang" }];

// Index health for operators: counts against the database, the sync queue and its last error.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const health = await searchHealth(db);
  // The error's payload (job data) is for debugging in the database, not for the page.
  return {
    ...health,
    lastError: health.lastError ? { at: health.lastError.at.toISOString(), message: health.lastError.message, state: health.lastError.state } : null,
  };
}

const JOB_STATES = ["pending", "active", "retrying", "failed", "completed"] as const;

export default function AdminSearch() {
  const t = useT();
  const locale = useLocale();
  const h = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="search-health-title">
      <p><Link to="/admin">{t("admin.title")}</Link></p>
      <h1 id="search-health-title">{t("admin.search.title")}</h1>
      <p role="status" className={h.reachable ? "toast toast-success" : "toast toast-error"}>
        {h.reachable ? t("admin.search.reachable", { version: h.version ?? "?" }) : t("admin.search.unreachable")}
      </p>
      {h.shape === "stale" ? <p role="alert" className="toast toast-error">{t("admin.search.staleShape")}</p> : null}
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>{t("admin.search.index")}</th><th>{t("admin.search.uid")}</th><th>{t("admin.search.documents")}</th>
              <th>{t("admin.search.database")}</th><th>{t("admin.search.state")}</th>
            </tr>
          </thead>
          <tbody>
            {h.indexes.map((i) => (
              <tr key={i.key} data-index={i.key}>
                <td>{t(`admin.search.index.${i.key}` as MessageKey)}</td>
                <td><code>{i.uid}</code></td>
                <td>{i.documents ?? "—"}</td>
                <td>{i.database}</td>
                <td>
                  <span className="badge">
                    {!h.reachable ? "—"
                      : i.documents == null ? t("admin.search.missing")
                      : i.indexing ? t("admin.search.indexing")
                      : i.documents === i.database ? t("admin.search.inSync")
                      : t("admin.search.behind", { n: Math.abs(i.database - i.documents) })}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("admin.search.jobs")}</h2>
      <div className="stats">
        {JOB_STATES.map((state) => (
          <div className="stat" key={state} data-state={state}>
            <strong>{h.jobs[state]}</strong>{t(`admin.search.jobs.${state}`)}
          </div>
        ))}
      </div>
      <h2>{t("admin.search.lastError")}</h2>
      {h.lastError ? (
        <>
          <p className="muted">{t("admin.search.lastErrorAt", { at: formatDateTime(h.lastError.at, locale), state: h.lastError.state })}</p>
          <pre className="error-output">{h.lastError.message}</pre>
        </>
      ) : (
        <p className="muted">{t("admin.search.noErrors")}</p>
      )}
      <p className="field-hint">{t("admin.search.reindexHint")}</p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
