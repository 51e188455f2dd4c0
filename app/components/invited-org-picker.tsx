import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import { useRef } from "react";
import { FIND_ORGS_INTENT, INVITABLE_SHOWN, ORG_QUERY_MAX, type InvitableOrgs } from "~/modules/scenarios/invitable-orgs";
import { useT, type Translate } from "~/utils/i18n";
import { ErrorList } from "./forms";

/**
 * The organisations a directed call (定向委托) invites. The chosen ones are ticked boxes; beside them
 * a short list of suggestions or, after a search by name or credit code, the matches. The search
 * button posts the whole form (nothing is saved, everything typed comes back), so it works without
 * JavaScript; with it, Enter in the search box searches instead of saving the scenario.
 */
export function InvitedOrgPicker({ field, invitable, errors }: { field: FieldMetadata<string[]>; invitable: InvitableOrgs; errors?: string[] }) {
  const t = useT();
  const find = useRef<HTMLButtonElement>(null);
  const names = new Map(invitable.orgs.map((o) => [o.id, o]));
  return (
    <fieldset>
      <legend>{t("sc.f.invited")}</legend>
      <p className="field-hint">{t("sc.h.invited")}</p>
      {invitable.total === 0 ? <p className="muted">{t("sc.noInvitable")}</p> : (
        <div className="field">
          <label htmlFor="invited-org-query">{t("sc.invite.search")}</label>
          <div className="search-bar">
            <input
              id="invited-org-query" type="search" name="orgQuery" defaultValue={invitable.query} maxLength={ORG_QUERY_MAX} aria-describedby="invited-org-result"
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                event.preventDefault();
                find.current?.click();
              }}
            />
            <button ref={find} type="submit" name="intent" value={FIND_ORGS_INTENT} formNoValidate className="btn btn-secondary">{t("sc.invite.find")}</button>
          </div>
          <p id="invited-org-result" className="field-hint" aria-live="polite">{resultText(t, invitable)}</p>
        </div>
      )}
      <div className="checkbox-list">
        {getCollectionProps(field, { type: "checkbox", options: invitable.orgs.map((o) => o.id) }).map(({ key, ...props }) => {
          const org = names.get(props.value);
          return (
            <label key={key}>
              <input {...props} /> {org?.name}
              {org && !org.verified ? <span className="muted small"> {t("sc.unverified")}</span> : null}
            </label>
          );
        })}
      </div>
      <ErrorList errors={errors} />
    </fieldset>
  );
}

function resultText(t: Translate, { query, matched, total, orgs }: InvitableOrgs): string {
  if (!query) return total > orgs.length ? t("sc.invite.some", { total }) : "";
  if (matched === 0) return t("sc.invite.none", { q: query });
  return matched > INVITABLE_SHOWN ? t("sc.invite.foundSome", { n: matched, q: query, shown: INVITABLE_SHOWN }) : t("sc.invite.found", { n: matched, q: query });
}
