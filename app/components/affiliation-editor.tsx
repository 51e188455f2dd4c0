import { getInputProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useRef } from "react";
import { Field } from "~/components/forms";
import { AFFILIATIONS_MAX, ORG_NAME_MAX, YEAR_MIN, type ExpertiseFormShape } from "~/modules/evaluation/pool-schema";
import { useT } from "~/utils/i18n";
import { RowEditor, RowLabel } from "./row-editor";
import { issueTexts } from "./scenario-form";

type Row = NonNullable<ExpertiseFormShape["affiliations"]>[number];
type OrgOption = { id: string; name: string; creditCode: string | null };

const NEW_ROW = { orgId: "", org: "", fromYear: "", toYear: "" };
const DATALIST_ID = "ep-org-options";
const ORG_SUGGESTIONS_PATH = "/organisations/suggestions";
// A pause in typing before asking: one request per word rather than per keystroke.
const SUGGEST_DELAY_MS = 200;

/** Suggestions for what is being typed, from the platform's organisations (thousands: never all listed). */
function useOrgSuggestions() {
  const fetcher = useFetcher<{ orgs: OrgOption[] }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const suggest = (typed: string) => {
    clearTimeout(timer.current);
    const q = typed.trim();
    if (q) timer.current = setTimeout(() => fetcher.load(`${ORG_SUGGESTIONS_PATH}?q=${encodeURIComponent(q)}`), SUGGEST_DELAY_MS);
  };
  return { orgs: fetcher.data?.orgs ?? [], suggest };
}

/**
 * An expert's organisations, row by row (works without JavaScript: see RowEditor). While a name is
 * typed, the platform's organisations that match it are suggested through a native <datalist> (with
 * JavaScript); whatever is typed is resolved on the server (full name or credit code links the row,
 * anything else stays a name).
 */
export function AffiliationEditor({ form, list }: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  list: FieldMetadata<Row[] | undefined, any, string[]>;
}) {
  const t = useT();
  const suggestions = useOrgSuggestions();
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  const thisYear = new Date().getFullYear();
  return (
    <>
      <RowEditor form={form} list={list} legend={t("ep.f.affiliations")} hint={t("ep.h.affiliations")} errors={errs(list.errors)} newRow={NEW_ROW} max={AFFILIATIONS_MAX}>
        {(row, index) => {
          const f = row.getFieldset();
          const n = index + 1;
          // Linked rows say so, so the person sees which text matched a platform organisation.
          const linked = Boolean(f.orgId.initialValue) && f.org.initialValue === f.org.value;
          const { key: orgIdKey, ...orgId } = getInputProps(f.orgId, { type: "hidden" });
          const { key: orgKey, ...org } = getInputProps(f.org, { type: "text" });
          const { key: fromKey, ...fromYear } = getInputProps(f.fromYear, { type: "number" });
          const { key: toKey, ...toYear } = getInputProps(f.toYear, { type: "number" });
          return (
            <div className="affiliation-row">
              <input key={orgIdKey} {...orgId} />
              <Field
                className="affiliation-org"
                label={<RowLabel n={n}>{t("ep.f.org")}</RowLabel>}
                hint={linked ? <span className="badge badge-verified">{t("ep.aff.onPlatform")}</span> : undefined}
                key={orgKey}
                {...org}
                list={DATALIST_ID}
                onInput={(event) => suggestions.suggest(event.currentTarget.value)}
                maxLength={ORG_NAME_MAX}
                autoComplete="off"
                errors={errs(f.org.errors)}
              />
              <Field
                label={<RowLabel n={n}>{t("ep.f.fromYear")}</RowLabel>}
                key={fromKey}
                {...fromYear}
                min={YEAR_MIN}
                max={thisYear}
                step={1}
                inputMode="numeric"
                errors={errs(f.fromYear.errors)}
              />
              <Field
                label={<RowLabel n={n}>{t("ep.f.toYear")}</RowLabel>}
                key={toKey}
                {...toYear}
                min={YEAR_MIN}
                max={thisYear}
                step={1}
                inputMode="numeric"
                errors={errs(f.toYear.errors)}
              />
            </div>
          );
        }}
      </RowEditor>
      <datalist id={DATALIST_ID}>
        {suggestions.orgs.map((o) => <option key={o.id} value={o.name}>{o.creditCode ?? ""}</option>)}
      </datalist>
    </>
  );
}
