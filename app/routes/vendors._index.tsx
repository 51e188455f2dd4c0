import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ActiveFilterChips, DegradedNotice, EmptyResults, type RemovableFilter } from "~/components/search-active-filters";
import { SearchFilterPanel } from "~/components/search-filter-panel";
import { CheckboxFacet, type FacetOption } from "~/components/search-facets";
import { SearchBar, SearchForm, useSearchBusy } from "~/components/search-form";
import { SearchPagination } from "~/components/search-pagination";
import { VendorSearchHit, vendorCard } from "~/components/search-vendor-hit";
import { DISTRICTS, SECTORS, TECH_TAGS, label, type CatalogEntry } from "~/modules/scenarios/catalog";
import { translator, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";
import {
  VENDOR_SORTS, VENDOR_TYPES, activeVendorFilters, hrefOf, parseVendorSearch, serializeVendorSearch, withoutVendorFilter,
  type ActiveFilter, type VendorSearchState,
} from "../../search/search-params";
import { searchVendors } from "../../search/vendor-search.server";

const PATH = "/vendors";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "zh-CN");
  const title = data?.state.q ? `${data.state.q} · ${t("search.v.title")}` : t("search.v.title");
  return [{ title: `${title} · ${t("app.name")}` }, { name: "description", content: t("search.v.intro") }];
};

// Public: capability profiles are what vendors publish to be found. Lenient URL parsing as on /scenarios.
export async function loader({ request }: LoaderFunctionArgs) {
  const state = parseVendorSearch(new URL(request.url).searchParams);
  const [result, locale] = await Promise.all([searchVendors(state), getLocale(request)]);
  // Only what the page shows is sent: each organisation as its card, in the reader's language (ADR 015).
  return { state, result: { ...result, hits: result.hits.map((hit) => vendorCard(hit, locale)) }, locale };
}

const href = (state: VendorSearchState) => hrefOf(PATH, serializeVendorSearch(state));
const canonical = (raw: URLSearchParams) => serializeVendorSearch(parseVendorSearch(raw));

const SORT_LABELS: Record<(typeof VENDOR_SORTS)[number], MessageKey> = {
  relevance: "search.sort.relevance", cases: "search.sort.cases", updated: "search.sort.updated",
};
const TYPE_LABELS: Record<(typeof VENDOR_TYPES)[number], MessageKey> = { vendor: "orgType.vendor", institute: "orgType.institute" };

export default function VendorDirectoryRoute() {
  const t = useT();
  const locale = useLocale();
  const { state, result } = useLoaderData<typeof loader>();
  const busy = useSearchBusy(PATH);
  const counts = result.facets;

  const options = (facet: "sector" | "tag" | "district", list: readonly CatalogEntry[]): FacetOption[] =>
    list.map((e) => ({
      value: e.key,
      label: label(list, e.key, locale),
      count: counts[facet] ? (counts[facet][e.key] ?? 0) : undefined,
      checked: (state[facet] as string[]).includes(e.key),
    }));
  const typeOptions: FacetOption[] = VENDOR_TYPES.map((type) => ({
    value: type, label: t(TYPE_LABELS[type]), count: counts.type ? (counts.type[type] ?? 0) : undefined, checked: state.type.includes(type),
  }));
  const verifiedOption: FacetOption = {
    value: "1", label: t("search.v.verifiedOnly"), count: counts.verified ? (counts.verified.true ?? 0) : undefined, checked: state.verified,
  };

  const describe = (f: ActiveFilter): string => {
    switch (f.name) {
      case "q": return `“${f.value}”`;
      case "sector": return label(SECTORS, f.value, locale);
      case "tag": return label(TECH_TAGS, f.value, locale);
      case "district": return label(DISTRICTS, f.value, locale);
      case "type": return t(TYPE_LABELS[f.value as (typeof VENDOR_TYPES)[number]] ?? "orgType.vendor");
      case "verified": return t("search.v.verifiedOnly");
      default: return f.value;
    }
  };
  const removable: RemovableFilter[] = activeVendorFilters(state).map((f) => ({
    key: `${f.name}:${f.value}`,
    text: describe(f),
    removeText: f.name === "q" ? t("search.removeQuery", { q: f.value }) : t("search.remove", { label: describe(f) }),
    href: href(withoutVendorFilter(state, f)),
  }));

  return (
    <>
      <h1>{t("search.v.title")}</h1>
      <p className="muted">{t("search.v.intro")}</p>
      <SearchForm action={PATH} canonical={canonical}>
        <SearchBar
          q={state.q}
          placeholder={t("search.v.placeholder")}
          sort={state.sort}
          sorts={VENDOR_SORTS.map((s) => ({ value: s, label: t(SORT_LABELS[s]) }))}
        />
        <div className="search-layout">
          <SearchFilterPanel active={removable.filter((f) => !f.key.startsWith("q:")).length}>
            <CheckboxFacet name="type" legend={t("search.v.type")} options={typeOptions} />
            <CheckboxFacet name="verified" legend={t("search.v.verified")} options={[verifiedOption]} />
            <CheckboxFacet name="sector" legend={t("search.v.sector")} options={options("sector", SECTORS)} />
            <CheckboxFacet name="tag" legend={t("search.v.tag")} options={options("tag", TECH_TAGS)} />
            <CheckboxFacet name="district" legend={t("search.v.district")} options={options("district", DISTRICTS)} />
          </SearchFilterPanel>
          <section className="search-results" aria-labelledby="search-results-title" aria-busy={busy}>
            <h2 id="search-results-title" className="visually-hidden">{t("search.results")}</h2>
            {result.mode === "fallback" ? <DegradedNotice partialCounts /> : null}
            <p className="muted small search-total" aria-live="polite">
              {busy ? t("search.loading") : state.q ? t("search.totalFor", { q: state.q, count: result.total }) : t("search.total", { count: result.total })}
            </p>
            {result.hits.length === 0 ? (
              <EmptyResults filters={removable} clearHref={PATH} />
            ) : (
              <>
                <ActiveFilterChips filters={removable} clearHref={PATH} />
                <ul className="scenario-list">{result.hits.map((card) => <VendorSearchHit key={card.id} card={card} />)}</ul>
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
