import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { translateMaybe, useT } from "~/utils/i18n";

type Errors = string[] | undefined;

export function ErrorList({ id, errors, announce = true }: { id?: string; errors: Errors; announce?: boolean }) {
  const t = useT();
  const list = errors?.filter(Boolean) ?? [];
  if (list.length === 0) return null;
  return (
    <ul id={id} className="field-errors" role={announce ? "alert" : undefined}>
      {list.map((e) => <li key={e}>{translateMaybe(t, e)}</li>)}
    </ul>
  );
}

type FieldShell = { label: ReactNode; errors?: Errors; hint?: ReactNode; className?: string };

function Shell({ label, errors, hint, className, id, children }: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={`field ${errors?.length ? "field-invalid" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      <ErrorList id={`${id}-errors`} errors={errors} />
    </div>
  );
}

function describedBy(id: string, errors: Errors, hint: ReactNode) {
  return [hint ? `${id}-hint` : "", errors?.length ? `${id}-errors` : ""].filter(Boolean).join(" ") || undefined;
}

export function Field({ label, errors, hint, className, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const fallback = useId();
  const id = input.id ?? fallback;
  return (
    <Shell label={label} errors={errors} hint={hint} className={className} id={id}>
      <input {...input} id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} />
    </Shell>
  );
}

export function TextareaField({ label, errors, hint, className, ...input }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fallback = useId();
  const id = input.id ?? fallback;
  return (
    <Shell label={label} errors={errors} hint={hint} className={className} id={id}>
      <textarea {...input} id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} />
    </Shell>
  );
}

export function SelectField({
  label, errors, hint, className, options, placeholder, ...input
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const fallback = useId();
  const id = input.id ?? fallback;
  return (
    <Shell label={label} errors={errors} hint={hint} className={className} id={id}>
      <select {...input} id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Shell>
  );
}

export function FormErrors({ errors }: { errors: Errors }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert">
      <p>{t("form.fixErrors")}</p>
      <ErrorList errors={errors} announce={false} />
    </div>
  );
}
