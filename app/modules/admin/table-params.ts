/**
 * The state of an admin table lives in the URL (search, filters, page), so a table works with plain
 * GET forms and links, can be bookmarked, and the same parsing serves the page and its CSV export.
 * Unknown or malformed values fall back to the default instead of failing: an edited URL shows the
 * first page of everything, never an error.
 */
export const PAGE_SIZE = 25;
const MAX_QUERY = 100;

export type FilterSpec<V extends string = string> = { name: string; values: readonly V[] };

export type TableState<F extends Record<string, string>> = {
  q: string;
  page: number;
  filters: Partial<F>;
};

export function readTableState<F extends Record<string, string>>(
  params: URLSearchParams,
  specs: { [K in keyof F]: readonly F[K][] },
): TableState<F> {
  const q = (params.get("q") ?? "").trim().slice(0, MAX_QUERY);
  const rawPage = Number(params.get("page"));
  const page = Number.isInteger(rawPage) && rawPage >= 1 && rawPage <= 100_000 ? rawPage : 1;
  const filters: Partial<F> = {};
  for (const name of Object.keys(specs) as (keyof F)[]) {
    const value = params.get(String(name));
    const allowed = specs[name];
    const found = allowed.find((v) => v === value);
    if (found !== undefined) filters[name] = found;
  }
  return { q, page, filters };
}

/** A free-text filter (a record id, a date) kept only when it matches its pattern. */
export function readText(params: URLSearchParams, name: string, pattern: RegExp, max = 64): string | null {
  const value = (params.get(name) ?? "").trim();
  return value && value.length <= max && pattern.test(value) ? value : null;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export function skipFor(page: number, size = PAGE_SIZE): number {
  return (page - 1) * size;
}

/** The same URL with one parameter changed (or removed when empty); the page resets unless it is the change. */
export function withParam(search: string, name: string, value: string | number | null): string {
  const params = new URLSearchParams(search);
  if (value === null || value === "") params.delete(name);
  else params.set(name, String(value));
  if (name !== "page") params.delete("page");
  const text = params.toString();
  return text ? `?${text}` : "?";
}
