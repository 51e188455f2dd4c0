import type { FieldChange } from "~/modules/scenarios/scenario-diff";
import type { ScenarioVersionView } from "~/modules/scenarios/scenario-queries.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { FIELD_LABELS, SnapshotValueText } from "./scenario-value";

/** Field-level changes of one version: the old value struck through, the new one highlighted. */
export function ScenarioDiffTable({ changes, caption }: { changes: FieldChange[]; caption?: string }) {
  const t = useT();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="diff-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("sc.ver.field")}</th>
            <th scope="col">{t("sc.ver.before")}</th>
            <th scope="col">{t("sc.ver.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{t(FIELD_LABELS[c.field])}</th>
              <td><del className="diff-before"><SnapshotValueText field={c.field} value={c.before} /></del></td>
              <td><ins className="diff-after"><SnapshotValueText field={c.field} value={c.after} /></ins></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every published version, newest first; the first one is the original publication. */
export function ScenarioVersionHistory({ versions }: { versions: ScenarioVersionView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{t("sc.ver.title")}</h2>
      {versions.length === 0 ? <p className="muted">{t("sc.ver.none")}</p> : null}
      <ol className="version-list" reversed>
        {versions.map((v) => (
          <li key={v.id}>
            <h3>
              {t("sc.ver.n", { n: v.version })}{" "}
              <span className="muted small"><time dateTime={v.createdAt}>{formatDateTime(v.createdAt, locale)}</time></span>{" "}
              {v.material ? <span className="badge badge-material">{t("sc.ver.material")}</span> : null}
            </h3>
            {v.version === 1 && v.changes.length === 0 ? <p>{t("sc.ver.first")}</p> : null}
            {v.note ? <p>{t("sc.ver.note")} {v.note}</p> : null}
            {v.changes.length > 0 ? <ScenarioDiffTable changes={v.changes} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
