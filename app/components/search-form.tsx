import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/utils/i18n";

const DEBOUNCE_MS = 300;

/**
 * The search form: a plain GET form, so every search works without JavaScript and lands in the URL.
 * With JavaScript it submits itself — typing after a 300 ms pause (replacing the history entry, so
 * Back does not step through every keystroke), a facet or the sort at once — and writes the canonical
 * URL (no empty parameters). Remix keeps the previous results on screen until the new ones arrive.
 */
export function SearchForm({ action, canonical, children }: {
  action: string;
  canonical: (raw: URLSearchParams) => URLSearchParams;
  children: React.ReactNode;
}) {
  const submit = useSubmit();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  function go(form: HTMLFormElement, replace: boolean) {
    clearTimeout(timer.current);
    const raw = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string") raw.append(key, value);
    submit(canonical(raw), { method: "get", action, replace, preventScrollReset: true });
  }

  function later(form: HTMLFormElement) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => go(form, true), DEBOUNCE_MS);
  }

  function onChange(event: React.FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (target.type !== "search") return go(event.currentTarget, false);
    // Chinese is typed through an input method: while the reader is still picking characters the box
    // holds pinyin ("shuiwei"), which is not worth a search. The committed text arrives with compositionend.
    if ((event.nativeEvent as InputEvent).isComposing) return clearTimeout(timer.current);
    later(event.currentTarget);
  }

  function onCompositionEnd(event: React.CompositionEvent<HTMLFormElement>) {
    if ((event.target as HTMLInputElement).type === "search") later(event.currentTarget);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(event.currentTarget, false);
  }

  return (
    <Form method="get" action={action} onChange={onChange} onCompositionEnd={onCompositionEnd} onSubmit={onSubmit} className="search-page">
      {children}
    </Form>
  );
}

/** True while a new search of this page is loading: the results dim a little instead of disappearing. */
export function useSearchBusy(path: string): boolean {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.location?.pathname === path;
}

type Sort = { value: string; label: string };

/** Query box, sort and the submit button (the only way to search without JavaScript). */
export function SearchBar({ q, placeholder, sort, sorts }: { q: string; placeholder: string; sort: string; sorts: Sort[] }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  // The box is uncontrolled so typing is never interrupted; follow the URL only when the reader is not in it
  // (a removed filter chip, Back/Forward).
  useEffect(() => {
    if (input.current && document.activeElement !== input.current) input.current.value = q;
  }, [q]);
  return (
    <div role="search" className="search-bar">
      <label htmlFor="search-q" className="visually-hidden">{t("search.label")}</label>
      <input ref={input} id="search-q" type="search" name="q" defaultValue={q} placeholder={placeholder} maxLength={100} autoComplete="off" />
      <label className="search-sort">
        <span>{t("search.sort")}</span>
        <select key={sort} name="sort" defaultValue={sort}>
          {sorts.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </label>
      <button type="submit" className="btn">{t("search.submit")}</button>
    </div>
  );
}
