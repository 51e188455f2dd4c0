import type { DefaultValue, FieldMetadata, FormMetadata } from "@conform-to/react";
import { useEffect, useRef, type ReactNode } from "react";
import { ErrorList } from "~/components/forms";
import { useT } from "~/utils/i18n";

// A list of rows to add to, remove from and reorder, for every repeating field of a form.
// The buttons are Conform intents rendered as plain submit buttons: without JavaScript each one
// posts the form, the action replies with `submission.reply()` and the page comes back with the
// rows changed and everything typed kept; with JavaScript Conform applies the change in place.
// The rows are an <ol>, so a screen reader announces "2 of 5"; every input gets its own label
// ("第 2 行 权重") from `RowLabel`, every button says which row of which list it acts on.

// Conform's list metadata; `any` for the form schema so one editor serves every form.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ListField<Row> = FieldMetadata<Row[] | undefined, any, string[]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RowField<Row> = FieldMetadata<Row, any, string[]>;

type Props<Row> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  list: ListField<Row>;
  /** Names the list: the legend, and the "which list" of every button's label. */
  legend: string;
  hint?: ReactNode;
  /** Errors about the list as a whole (too many rows, a total), already translated. */
  errors?: string[];
  /** What the "add a row" button inserts. */
  newRow: DefaultValue<Row>;
  max: number;
  min?: number;
  /** Shown under the rows, e.g. a running total. */
  footer?: ReactNode;
  className?: string;
  /** The inputs of one row; label them with `RowLabel`. */
  children: (row: RowField<Row>, index: number) => ReactNode;
};

type PendingFocus = { kind: "add" } | { kind: "remove"; index: number } | { kind: "move"; key: string | undefined; up: boolean };

/** A row input's label: the row number for assistive technology only, then the visible name. */
export function RowLabel({ n, children }: { n: number; children: ReactNode }) {
  const t = useT();
  return <><span className="visually-hidden">{t("row.label", { n })}</span>{children}</>;
}

export function RowEditor<Row>({ form, list, legend, hint, errors, newRow, max, min = 0, footer, className, children }: Props<Row>) {
  const t = useT();
  // A tampered post can put a plain value where the list goes; Conform would throw on it.
  const rows = list.initialValue == null || Array.isArray(list.initialValue) ? list.getFieldList() : [];
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const pending = useRef<PendingFocus | null>(null);
  const hintId = `${list.id}-hint`;
  const errorId = `${list.id}-list-errors`;

  // With JavaScript the clicked button may vanish (remove) or its row move (reorder); put the
  // focus where the user expects it instead of letting it fall back to the page.
  useEffect(() => {
    const target = pending.current;
    const ol = listRef.current;
    if (!target || !ol) return;
    pending.current = null;
    const items = Array.from(ol.querySelectorAll<HTMLLIElement>(":scope > li"));
    if (target.kind === "add") {
      items.at(-1)?.querySelector<HTMLElement>("input, textarea, select")?.focus();
    } else if (target.kind === "remove") {
      const next = items[Math.min(target.index, items.length - 1)];
      (next?.querySelector<HTMLElement>("[data-row-action=remove]:not(:disabled)") ?? addRef.current)?.focus();
    } else {
      const item = items.find((li) => li.dataset.rowKey === target.key);
      const same = item?.querySelector<HTMLButtonElement>(`[data-row-action=${target.up ? "up" : "down"}]`);
      const other = item?.querySelector<HTMLButtonElement>(`[data-row-action=${target.up ? "down" : "up"}]`);
      (same && !same.disabled ? same : other)?.focus();
    }
  });

  const describedBy = [hint ? hintId : "", errors?.length ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`row-editor ${errors?.length ? "row-editor-invalid" : ""} ${className ?? ""}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
      <ol className="row-editor-rows" ref={listRef}>
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <li key={row.key} className="row-editor-row" data-row-key={row.key}>
              <span className="row-editor-number" aria-hidden="true">{n}</span>
              <div className="row-editor-fields">{children(row as RowField<Row>, index)}</div>
              <div className="row-editor-tools">
                <button
                  {...form.reorder.getButtonProps({ name: list.name, from: index, to: index - 1 })}
                  className="btn btn-secondary btn-icon"
                  data-row-action="up"
                  disabled={index === 0}
                  aria-label={t("row.moveUp", { n, list: legend })}
                  title={t("row.moveUp", { n, list: legend })}
                  onClick={() => { pending.current = { kind: "move", key: row.key, up: true }; }}
                >↑</button>
                <button
                  {...form.reorder.getButtonProps({ name: list.name, from: index, to: index + 1 })}
                  className="btn btn-secondary btn-icon"
                  data-row-action="down"
                  disabled={index === rows.length - 1}
                  aria-label={t("row.moveDown", { n, list: legend })}
                  title={t("row.moveDown", { n, list: legend })}
                  onClick={() => { pending.current = { kind: "move", key: row.key, up: false }; }}
                >↓</button>
                <button
                  {...form.remove.getButtonProps({ name: list.name, index })}
                  className="btn btn-danger btn-icon"
                  data-row-action="remove"
                  disabled={rows.length <= min}
                  aria-label={t("row.removeRow", { n, list: legend })}
                  title={t("row.removeRow", { n, list: legend })}
                  onClick={() => { pending.current = { kind: "remove", index }; }}
                >{t("row.remove")}</button>
              </div>
            </li>
          );
        })}
      </ol>
      <ErrorList id={errorId} errors={errors} />
      <div className="row-editor-footer">
        <button
          {...form.insert.getButtonProps({ name: list.name, defaultValue: newRow })}
          ref={addRef}
          className="btn btn-secondary btn-small"
          disabled={rows.length >= max}
          aria-label={t("row.addTo", { list: legend })}
          onClick={() => { pending.current = { kind: "add" }; }}
        >+ {t("row.add")}</button>
        <span className="muted small">{t("row.count", { count: rows.length, max })}</span>
        {footer}
      </div>
    </fieldset>
  );
}
