import type { RubricRow } from "~/modules/scenarios/rubric";
import { useT } from "~/utils/i18n";

export function ScenarioRubricTable({ rubric }: { rubric: RubricRow[] }) {
  const t = useT();
  if (rubric.length === 0) return <p className="muted">{t("sc.rubricNone")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("sc.rubric.criterion")}</th>
            <th scope="col">{t("sc.rubric.weight")}</th>
            <th scope="col">{t("sc.rubric.maxScore")}</th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((row, i) => (
            <tr key={`${i}-${row.criterion}`}>
              <td>{row.criterion}</td>
              <td>{row.weight}%</td>
              <td>{row.maxScore}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
