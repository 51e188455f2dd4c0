import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ConfirmAction } from "~/components/confirm-action";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DigestPreviewList, type PreviewItem } from "~/components/digest-preview-list";
import { ErrorList } from "~/components/forms";
import { describeScenarioQuery } from "~/components/scenario-filter-text";
import { previewDigest } from "~/modules/digests/digest-preview.server";
import { FREQUENCIES } from "~/modules/digests/digest-shared";
import {
  SavedSearchFormSchema, createSavedSearch, deleteSavedSearch, resumeAllDigests, setRecommendationDigest,
  subscriptionsOf, updateSavedSearch,
} from "~/modules/digests/saved-searches.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { fromAppError, invalid } from "~/utils/forms.server";
import { useLocale, useT } from "~/utils/i18n";
import { requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "我的订阅 My subscriptions · 揭榜 Jiebang" }];

// A vendor member's saved searches and recommendation digest, for the organisation requireRole picked
// (?org= for members of several). Every change goes through saved-searches.server.ts (owner-scoped, audited).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const orgId = user.membership.orgId;
  const previewId = new URL(request.url).searchParams.get("preview");
  const subs = await subscriptionsOf(user.id, orgId);
  let preview: { id: string; status: "ok" | "unavailable"; from: string | null; items: PreviewItem[] } | null = null;
  if (previewId) {
    const result = await previewDigest(user.id, previewId === "recommendations" ? { kind: "recommendations", orgId } : { kind: "search", id: previewId });
    if (!result) throw new Response("dg.error.notFound", { status: 404 });
    preview = result.status === "unavailable"
      ? { id: previewId, status: "unavailable", from: null, items: [] }
      : {
        id: previewId, status: "ok", from: result.from.toISOString(),
        items: result.items.map(({ candidate: c, reasons }) => ({
          id: c.id, code: c.code, title: c.title, titleEn: c.titleEn, sector: c.sector, departmentName: c.departmentName,
          departmentNameEn: c.departmentNameEn, budgetMin: c.budgetMin, budgetMax: c.budgetMax, deadline: c.deadline.toISOString(),
          amended: c.amended,
          reasons: reasons.map((r) => (r.kind === "search" ? r : { kind: "recommended" as const, terms: r.explanation.matchedTerms.slice(0, 5), tags: r.explanation.sharedTags })),
        })),
      };
  }
  return {
    orgName: user.membership.org.name,
    searches: subs.searches.filter((s) => s.orgId === orgId).map((s) => ({
      id: s.id, name: s.name, query: s.query, frequency: s.frequency, unsubscribedAt: s.unsubscribedAt?.toISOString() ?? null,
    })),
    recommendations: subs.recommendations ? { ...subs.recommendations, unsubscribedAt: subs.recommendations.unsubscribedAt?.toISOString() ?? null } : null,
    allUnsubscribedAt: subs.allUnsubscribedAt?.toISOString() ?? null,
    preview,
  };
}

const TOASTS = { create: "dg.toast.saved", update: "dg.toast.updated", delete: "dg.toast.deleted", recommendations: "dg.toast.updated", "resume-all": "dg.toast.resumed" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const submission = parseWithZod(await request.formData(), { schema: SavedSearchFormSchema });
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  try {
    if (v.intent === "create") await createSavedSearch(user, user.membership.orgId, v);
    else if (v.intent === "update") await updateSavedSearch(user, v.id, v);
    else if (v.intent === "delete") await deleteSavedSearch(user, v.id);
    else if (v.intent === "recommendations") await setRecommendationDigest(user, user.membership.orgId, v.frequency);
    else await resumeAllDigests(user);
  } catch (error) {
    return fromAppError(error, submission);
  }
  const url = new URL(request.url);
  url.searchParams.delete("preview");
  return redirectWithToast(`${url.pathname}${url.search}`, { kind: "success", message: TOASTS[v.intent] });
}

function FrequencySelect({ id, value, label }: { id: string; value: string; label: string }) {
  const t = useT();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{label}</label>{" "}
      <select id={id} name="frequency" defaultValue={value}>
        {FREQUENCIES.map((f) => <option key={f} value={f}>{t(`dg.freq.${f}`)}</option>)}
      </select>
    </span>
  );
}

export default function VendorSearches() {
  const t = useT();
  const locale = useLocale();
  const { orgName, searches, recommendations, allUnsubscribedAt, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  // What was typed into a row that failed validation, so it is not lost.
  const typed = actionData?.result.initialValue as { id?: string; name?: string } | undefined;
  const errors = actionData?.result.error ? Object.values(actionData.result.error).flat().filter((e): e is string => !!e) : [];
  const previewed = preview ? searches.find((s) => s.id === preview.id)?.name ?? t("dg.recommendations.title") : "";

  return (
    <section aria-labelledby="subs-title">
      <h1 id="subs-title">{t("dg.title")}</h1>
      <p className="muted">{orgName} · {t("dg.intro")}</p>
      {errors.length ? <div className="form-errors" role="alert"><ErrorList errors={errors} announce={false} /></div> : null}
      {allUnsubscribedAt ? (
        <div className="card" role="status">
          <p>{t("dg.allOff", { date: formatDate(allUnsubscribedAt, locale) })}</p>
          <Form method="post"><input type="hidden" name="intent" value="resume-all" /><button type="submit" className="btn btn-secondary">{t("dg.resumeAll")}</button></Form>
        </div>
      ) : null}

      <h2>{t("dg.searches")}</h2>
      {searches.length === 0 ? (
        <p className="card">{t("dg.empty")} <Link to="/scenarios">{t("dg.emptyLink")}</Link></p>
      ) : (
        <ul className="scenario-list saved-searches">
          {searches.map((s) => (
            <li key={s.id} className="scenario-item">
              <Form method="post" className="saved-search-row">
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="id" value={s.id} />
                <span className="field-inline">
                  <label htmlFor={`name-${s.id}`}>{t("dg.col.name")}</label>{" "}
                  <input id={`name-${s.id}`} name="name" key={typed?.id === s.id ? `typed-${typed.name}` : s.name}
                    defaultValue={typed?.id === s.id ? typed.name : s.name} maxLength={60} required />
                </span>{" "}
                <FrequencySelect id={`freq-${s.id}`} value={s.frequency} label={t("dg.col.frequency")} />{" "}
                <button type="submit" className="btn btn-secondary btn-small" disabled={busy} aria-label={t("dg.updateLabel", { name: s.name })}>{t("dg.update")}</button>
              </Form>
              <p className="muted small">{t("dg.col.search")}：{describeScenarioQuery(s.query, locale, t) || t("search.sc.title")}</p>
              {s.unsubscribedAt ? <p className="small" role="status">{t("dg.unsubscribedOn", { date: formatDate(s.unsubscribedAt, locale) })}</p> : null}
              <p className="actions small">
                <Link to={s.query ? `/scenarios?${s.query}` : "/scenarios"}>{t("dg.open")}</Link>{" "}
                <Link to={`?preview=${s.id}`} aria-label={t("dg.previewLabel", { name: s.name })}>{t("dg.preview")}</Link>{" "}
              </p>
              <ConfirmAction label={t("dg.delete")} question={t("dg.deleteConfirm", { name: s.name })}>
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="btn btn-danger-solid btn-small" aria-label={t("dg.deleteLabel", { name: s.name })}>{t("dg.deleteYes")}</button>
                </Form>
              </ConfirmAction>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("dg.recommendations.title")}</h2>
      <div className="card">
        <p className="muted small">{t("dg.recommendations.intro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="recommendations" />
          <FrequencySelect id="freq-recommendations" value={recommendations?.frequency ?? "off"} label={t("dg.col.frequency")} />{" "}
          <button type="submit" className="btn btn-secondary btn-small" disabled={busy}>{t("dg.recommendations.save")}</button>{" "}
          <Link to="?preview=recommendations" className="small">{t("dg.preview")}</Link>
        </Form>
        {recommendations?.unsubscribedAt ? <p className="small" role="status">{t("dg.unsubscribedOn", { date: formatDate(recommendations.unsubscribedAt, locale) })}</p> : null}
      </div>

      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("dg.preview.title", { name: previewed })}</h2>
          {preview.status === "unavailable" ? (
            <p>{t("dg.preview.unavailable")}</p>
          ) : (
            <>
              <p className="muted small">{t("dg.preview.window", { from: formatDateTime(preview.from, locale) })}</p>
              {preview.items.length === 0 ? <p>{t("dg.preview.empty")}</p> : <DigestPreviewList items={preview.items} />}
            </>
          )}
          <p><Link to="." className="small">{t("dg.preview.close")}</Link></p>
        </section>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
