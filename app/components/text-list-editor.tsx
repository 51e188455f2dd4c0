import { getInputProps } from "@conform-to/react";
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { ErrorList } from "~/components/forms";
import { RowEditor, RowLabel } from "./row-editor";

// A list of short texts (KPIs, acceptance criteria, units), one input per row. The legend names
// the list; each input's label ("第 2 行 技术指标") is for assistive technology only.

type Props = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  list: FieldMetadata<(string | undefined)[] | undefined, any, string[]>;
  legend: string;
  hint: ReactNode;
  max: number;
  maxLength: number;
  /** Translates the (key) messages of the list and of each row. */
  translate: (errors: string[] | undefined) => string[] | undefined;
};

export function TextListEditor({ form, list, legend, hint, max, maxLength, translate }: Props) {
  return (
    <RowEditor form={form} list={list} legend={legend} hint={hint} errors={translate(list.errors)} newRow="" max={max}>
      {(row, index) => {
        const errors = translate(row.errors);
        const { key, ...input } = getInputProps(row, { type: "text" });
        return (
          <div className={`field ${errors?.length ? "field-invalid" : ""}`}>
            <label htmlFor={row.id} className="visually-hidden"><RowLabel n={index + 1}>{legend}</RowLabel></label>
            <input key={key} {...input} maxLength={maxLength} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? row.errorId : undefined} />
            <ErrorList id={row.errorId} errors={errors} />
          </div>
        );
      }}
    </RowEditor>
  );
}
