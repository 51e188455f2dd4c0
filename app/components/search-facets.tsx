import { useT } from "~/utils/i18n";

/** One value of a facet. `count` is undefined when the backend could not count it (degraded mode). */
export type FacetOption = { value: string; label: string; count?: number; checked: boolean };

// Long lists show the first few values and fold the rest, so the sidebar stays scannable.
const VISIBLE = 8;

// A search page lists over a hundred options, so each is plain markup styled from its list
// (`.facet-options label`) rather than carrying class names: an eighth of the scenario list page.
// Checkboxes are uncontrolled (they must work before and without JavaScript); the key includes the
// checked state so that a navigation that changes it (a removed chip, Back) re-renders the box.
function Option({ name, type, option }: { name: string; type: "checkbox" | "radio"; option: FacetOption }) {
  const t = useT();
  return (
    <li>
      <label>
        <input key={`${option.value}:${option.checked}`} type={type} name={name} value={option.value} defaultChecked={option.checked} />
        <span>{option.label}</span>
        {option.count !== undefined ? <small aria-label={t("search.facet.countLabel", { n: option.count })}>{option.count}</small> : null}
      </label>
    </li>
  );
}

/** A multi-select facet: values are OR-ed within the group, groups are AND-ed. Empty values are hidden. */
export function CheckboxFacet({ name, legend, options, footer }: { name: string; legend: string; options: FacetOption[]; footer?: React.ReactNode }) {
  const t = useT();
  const shown = options.filter((o) => o.checked || o.count === undefined || o.count > 0);
  if (shown.length === 0 && !footer) return null;
  const head = shown.length > VISIBLE + 2 ? shown.slice(0, VISIBLE) : shown;
  const tail = shown.slice(head.length);
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <ul className="facet-options">{head.map((o) => <Option key={o.value} name={name} type="checkbox" option={o} />)}</ul>
      {tail.length > 0 ? (
        <details className="facet-more" open={tail.some((o) => o.checked)}>
          <summary>{t("search.facet.more", { n: tail.length })}</summary>
          <ul className="facet-options">{tail.map((o) => <Option key={o.value} name={name} type="checkbox" option={o} />)}</ul>
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
      <ul className="facet-options">
        {all.map((o) => <Option key={o.value} name={name} type="radio" option={{ ...o, checked: (value ?? "") === o.value }} />)}
      </ul>
    </fieldset>
  );
}
