import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { ActiveFilterChips, DegradedNotice, EmptyResults, type RemovableFilter } from "~/components/search-active-filters";
import { SearchFilterPanel } from "~/components/search-filter-panel";
import { CheckboxFacet, RadioFacet, type FacetOption } from "~/components/search-facets";
import { SearchBar, SearchForm, useSearchBusy } from "~/components/search-form";
import { SearchPagination } from "~/components/search-pagination";
import { ScenarioSearchHit, scenarioCard } from "~/components/search-scenario-hit";
import { localisedText } from "~/components/scenario-list-item";
import { describeScenarioFilter } from "~/components/scenario-filter-text";
import { DISTRICTS, MECHANISMS, SCENARIO_STATUSES, SECTORS, TECH_TAGS, label, type CatalogEntry } from "~/modules/scenarios/catalog";
import { SaveSearchForm, SaveSearchLogin } from "~/components/save-search-form";
import { SavedSearchFormSchema, canonicalSearchQuery, createSavedSearch } from "~/modules/digests/saved-searches.server";
import { fromAppError, invalid } from "~/utils/forms.server";
import { translator, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import { getCurrentUser, hasRole, requireRole } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";
import { BUDGET_BANDS } from "../../search/budget-bands";
import { searchScenarios, type ScenarioFacet } from "../../search/scenario-search.server";
import {
  DEADLINE_WINDOWS, SCENARIO_SORTS, SEARCHABLE_STATUSES, activeScenarioFilters, hrefOf, isAllStatuses, parseScenarioSearch,
  serializeScenarioSearch, withoutScenarioFilter, type ActiveFilter, type ScenarioSearchState,
} from "../../search/search-params";

const PATH = "/scenarios";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "zh-CN");
  const title = data?.state.q ? `${data.state.q} · ${t("search.sc.title")}` : t("search.sc.title");
  return [{ title: `${title} · ${t("app.name")}` }, { name: "description", content: t("search.sc.intro") }];
};

// Public: no guard. The URL is parsed leniently (unknown values dropped, never a 4xx/5xx), and the
// search itself never reaches drafts or cancelled listings. If Meilisearch is down the database answers.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const state = parseScenarioSearch(url.searchParams);
  const now = new Date();
  const locale = await getLocale(request);
  const [result, viewer] = await Promise.all([searchScenarios(state, now, locale), getCurrentUser(request)]);
  // Vendors may save the search; visitors are offered a login that comes back to it; others see nothing.
  const saving = hasRole(viewer, "vendor_member") ? "vendor" : viewer ? "none" : "login";
  // Only what the page shows is sent: each result as its card, each text in the reader's language
  // (English where written, else Chinese). A page past 65,528 characters costs far more to serve (ADR 015).
  const departments = result.departments.map((d) => ({ id: d.id, name: localisedText(d.name, d.nameEn, locale), nameEn: null }));
  const hits = result.hits.map((hit) => scenarioCard(hit, locale));
  return { state, result: { ...result, hits, departments }, locale, now: now.toISOString(), saving, loginHref: `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}` } as const;
}

// "Save this search": a vendor member keeps the current URL state with a name and a frequency.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "vendor_member");
  const submission = parseWithZod(await request.formData(), { schema: SavedSearchFormSchema });
  if (submission.status !== "success" || submission.value.intent !== "create") return invalid(submission);
  try {
    await createSavedSearch(user, user.membership.orgId, submission.value);
  } catch (error) {
    return fromAppError(error, submission);
  }
  return redirectWithToast(hrefOf(PATH, new URLSearchParams(canonicalSearchQuery(submission.value.query))), { kind: "success", message: "dg.toast.saved" });
}

const href = (state: ScenarioSearchState) => hrefOf(PATH, serializeScenarioSearch(state));
const canonical = (raw: URLSearchParams) => serializeScenarioSearch(parseScenarioSearch(raw));
const CLEAR_HREF = PATH;

const SORT_LABELS: Record<(typeof SCENARIO_SORTS)[number], MessageKey> = {
  relevance: "search.sort.relevance", newest: "search.sort.newest", deadline: "search.sort.deadline", budget: "search.sort.budget",
};

export default function ScenarioSearchRoute() {
  const t = useT();
  const locale = useLocale();
  const { state, result, now, saving, loginHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useSearchBusy(PATH);
  const counts = result.facets;

  const options = (facet: Exclude<ScenarioFacet, "department">, list: readonly CatalogEntry[]): FacetOption[] =>
    list.map((e) => ({
      value: e.key,
      label: label(list, e.key, locale),
      count: counts[facet] ? (counts[facet][e.key] ?? 0) : undefined,
      checked: (state[facet] as string[]).includes(e.key),
    }));
  const statusEntries = SCENARIO_STATUSES.filter((s) => (SEARCHABLE_STATUSES as readonly string[]).includes(s.key));
  const departmentOptions: FacetOption[] = result.departments.map((d) => ({
    value: d.id,
    label: localisedText(d.name, d.nameEn, locale),
    count: counts.department ? (counts.department[d.id] ?? 0) : undefined,
    checked: state.department.includes(d.id),
  }));

  const describe = (f: ActiveFilter): string => describeScenarioFilter(f, locale, t, result.departments);
  const removable: RemovableFilter[] = activeScenarioFilters(state).map((f) => ({
    key: `${f.name}:${f.value}`,
    text: describe(f),
    removeText: f.name === "q" ? t("search.removeQuery", { q: f.value }) : t("search.remove", { label: describe(f) }),
    href: href(withoutScenarioFilter(state, f)),
  }));
  const allStatusesHref = href({ ...state, status: [...SEARCHABLE_STATUSES], page: 1 });
  const allStatusesLink = isAllStatuses(state.status) ? null : <AppLink to={allStatusesHref}>{t("search.facet.allStatuses")}</AppLink>;

  return (
    <>
      <h1>{t("search.sc.title")}</h1>
      <p className="muted">{t("search.sc.intro")}</p>
      {saving === "vendor" ? (
        <SaveSearchForm
          key={serializeScenarioSearch({ ...state, page: 1 }).toString()}
          query={serializeScenarioSearch({ ...state, page: 1 }).toString()}
          suggestedName={removable.map((f) => f.text).join(" · ") || t("search.sc.title")}
          lastResult={actionData?.result}
        />
      ) : saving === "login" ? <SaveSearchLogin href={loginHref} /> : null}
      <SearchForm action={PATH} canonical={canonical}>
        <SearchBar
          q={state.q}
          placeholder={t("search.sc.placeholder")}
          sort={state.sort}
          sorts={SCENARIO_SORTS.map((s) => ({ value: s, label: t(SORT_LABELS[s]) }))}
        />
        <div className="search-layout">
          <SearchFilterPanel active={removable.filter((f) => !f.key.startsWith("q:")).length}>
            <CheckboxFacet name="status" legend={t("search.sc.status")} options={options("status", statusEntries)}
              footer={allStatusesLink ? <p className="small">{allStatusesLink}</p> : null} />
            <CheckboxFacet name="sector" legend={t("search.sc.sector")} options={options("sector", SECTORS)} />
            <RadioFacet name="deadline" legend={t("search.sc.deadline")} value={state.deadline}
              options={DEADLINE_WINDOWS.map((w) => ({ value: w, label: t(`search.deadline.${w}`), count: result.deadlineCounts[w] }))} />
            <CheckboxFacet name="budget" legend={t("search.sc.budget")} options={options("budget", BUDGET_BANDS)} />
            <CheckboxFacet name="mechanism" legend={t("search.sc.mechanism")} options={options("mechanism", MECHANISMS)} />
            <CheckboxFacet name="district" legend={t("search.sc.district")} options={options("district", DISTRICTS)} />
            <CheckboxFacet name="tag" legend={t("search.sc.tag")} options={options("tag", TECH_TAGS)} />
            <CheckboxFacet name="department" legend={t("search.sc.department")} options={departmentOptions} />
          </SearchFilterPanel>
          <section className="search-results" aria-labelledby="search-results-title" aria-busy={busy}>
            <h2 id="search-results-title" className="visually-hidden">{t("search.results")}</h2>
            {result.mode === "fallback" ? <DegradedNotice partialCounts /> : null}
            <p className="muted small search-total" aria-live="polite">
              {busy ? t("search.loading") : state.q ? t("search.totalFor", { q: state.q, count: result.total }) : t("search.total", { count: result.total })}
            </p>
            {result.hits.length === 0 ? (
              <EmptyResults filters={removable} clearHref={CLEAR_HREF} extra={allStatusesLink} />
            ) : (
              <>
                <ActiveFilterChips filters={removable} clearHref={CLEAR_HREF} />
                <ul className="scenario-list">
                  {result.hits.map((card) => <ScenarioSearchHit key={card.code} card={card} now={now} />)}
                </ul>
                <SearchPagination page={result.page} pages={result.pages} href={(page) => href({ ...state, page })} />
              </>
            )}
          </section>
        </div>
      </SearchForm>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
