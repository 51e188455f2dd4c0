import type { RubricRow } from "~/modules/scenarios/rubric";
import { useT } from "~/utils/i18n";

// The public rubric: what proposals are scored on, how much each counts, and what evaluators
// look for (the guidance), so vendors write to the same criteria the experts read.
export function ScenarioRubricTable({ rubric }: { rubric: RubricRow[] }) {
  const t = useT();
  if (rubric.length === 0) return <p className="muted">{t("sc.rubricNone")}</p>;
  const withGuidance = rubric.some((row) => row.guidance);
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="rubric-table">
        <thead>
          <tr>
            <th scope="col">{t("sc.rubric.criterion")}</th>
            <th scope="col">{t("sc.rubric.weight")}</th>
            <th scope="col">{t("sc.rubric.maxScore")}</th>
            {withGuidance ? <th scope="col">{t("sc.rubric.guidance")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rubric.map((row, i) => (
            <tr key={`${i}-${row.criterion}`}>
              <th scope="row">{row.criterion}</th>
              <td className="numeric">{row.weight}%</td>
              <td className="numeric">{row.maxScore}</td>
              {withGuidance ? <td className="rubric-guidance-text">{row.guidance}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
