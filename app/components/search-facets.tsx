import { useState } from "react";
import { useLocation } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** One value of a facet. `count` is undefined when the backend could not count it (degraded mode). */
export type FacetOption = { value: string; label: string; count?: number; checked: boolean };

// Long lists show the first few values and fold the rest, so the sidebar stays scannable.
const VISIBLE = 8;
// The URL parameter naming the facets a reader without JavaScript unfolded.
const MORE_PARAM = "more";

/** The facets unfolded by the URL (`?more=department`): the search's query string, as `location.search`. */
export function unfoldedFacets(search: string): string[] {
  return new URLSearchParams(search).getAll(MORE_PARAM);
}

// A search page shows about sixty options, a third of its elements, so each is the fewest elements
// that carry it: a label holding its box, its text and its count, styled from its group
// (`.facet-options label`) rather than carrying class names. The group is the fieldset, so the
// options are not also a list.
// Checkboxes are uncontrolled (they must work before and without JavaScript); the key includes the
// checked state so that a navigation that changes it (a removed chip, Back) re-renders the box.
function Option({ name, type, option }: { name: string; type: "checkbox" | "radio"; option: FacetOption }) {
  const t = useT();
  return (
    <label>
      <input key={`${option.value}:${option.checked}`} type={type} name={name} value={option.value} defaultChecked={option.checked} />
      {option.label}
      {option.count !== undefined ? <small aria-label={t("search.facet.countLabel", { n: option.count })}>{option.count}</small> : null}
    </label>
  );
}

/** The URL that shows a facet's folded values without JavaScript: this search with `more=<facet>`. */
function showAllHref(pathname: string, search: string, name: string): string {
  const params = new URLSearchParams(search);
  params.append(MORE_PARAM, name);
  return `${pathname}?${params.toString()}#facet-${name}`;
}

/**
 * A multi-select facet: values are OR-ed within the group, groups are AND-ed. Empty values are hidden.
 * Past the first few values the rest fold under "更多". The folded values are rendered only once
 * opened: they are most of a search page's markup and few readers open them. With JavaScript the
 * summary opens them in place (their counts came with the page); without it the open <details> offers
 * a link to the same search with `more=<facet>` (nofollow: crawlers need no copy of every search per
 * facet), which the server renders unfolded. A folded value that is ticked unfolds the facet, so a
 * ticked box is never hidden.
 */
export function CheckboxFacet({ name, legend, options, footer }: { name: string; legend: string; options: FacetOption[]; footer?: React.ReactNode }) {
  const t = useT();
  const location = useLocation();
  const shown = options.filter((o) => o.checked || o.count === undefined || o.count > 0);
  const head = shown.length > VISIBLE + 2 ? shown.slice(0, VISIBLE) : shown;
  const tail = shown.slice(head.length);
  const [unfoldedByReader, setUnfolded] = useState(() => unfoldedFacets(location.search).includes(name));
  if (shown.length === 0 && !footer) return null;
  const unfolded = unfoldedByReader || tail.some((o) => o.checked);
  return (
    <fieldset className="facet" id={`facet-${name}`}>
      <legend>{legend}</legend>
      <div className="facet-options">{head.map((o) => <Option key={o.value} name={name} type="checkbox" option={o} />)}</div>
      {tail.length > 0 ? (
        <details className="facet-more" open={unfolded} onToggle={(e) => e.currentTarget.open && setUnfolded(true)}>
          <summary onClick={(e) => { e.preventDefault(); setUnfolded(!unfoldedByReader); }}>{t("search.facet.more", { n: tail.length })}</summary>
          {unfolded ? (
            <div className="facet-options">{tail.map((o) => <Option key={o.value} name={name} type="checkbox" option={o} />)}</div>
          ) : (
            <p className="small"><a href={showAllHref(location.pathname, location.search, name)} rel="nofollow">{t("search.facet.showAll", { n: tail.length })}</a></p>
          )}
        </details>
      ) : null}
      {footer}
    </fieldset>
  );
}

/** A single-choice facet with an "any" option first (the deadline window). */
export function RadioFacet({ name, legend, options, value }: { name: string; legend: string; options: Omit<FacetOption, "checked">[]; value: string | null }) {
  const t = useT();
  const all = [{ value: "", label: t("search.facet.any"), count: undefined }, ...options];
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <div className="facet-options">
        {all.map((o) => <Option key={o.value} name={name} type="radio" option={{ ...o, checked: (value ?? "") === o.value }} />)}
      </div>
    </fieldset>
  );
}
