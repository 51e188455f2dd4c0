import { getInputProps, getTextareaProps } from "@conform-to/react";
import { Field, TextareaField } from "~/components/forms";
import {
  CRITERION_MAX_LENGTH, DEFAULT_MAX_SCORE, GUIDANCE_MAX_LENGTH, RUBRIC_MAX_ROWS, RUBRIC_MIN_ROWS, weightTotal,
} from "~/modules/scenarios/rubric";
import { useT } from "~/utils/i18n";
import { RowEditor, RowLabel } from "./row-editor";
import { issueTexts, Req, type ScenarioFields, type ScenarioFormMeta } from "./scenario-form";

const NEW_ROW = { criterion: "", guidance: "", weight: "", maxScore: String(DEFAULT_MAX_SCORE) };

/** The weights as typed so far (rows whose weight is not a number yet are left out). */
function typedTotal(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  const weights = value.map((row) => Number((row as { weight?: unknown } | null)?.weight ?? Number.NaN));
  return weightTotal(weights.filter(Number.isFinite));
}

/** The evaluation rubric: criterion, weight and max score per row, with guidance for evaluators. */
export function ScenarioRubricEditor({ form, fields }: { form: ScenarioFormMeta; fields: ScenarioFields }) {
  const t = useT();
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  const list = fields.rubric;
  return (
    <RowEditor
      form={form}
      list={list}
      legend={t("sc.f.rubric")}
      hint={t("sc.h.rubric")}
      errors={errs(list.errors)}
      newRow={NEW_ROW}
      min={RUBRIC_MIN_ROWS}
      max={RUBRIC_MAX_ROWS}
      className="rubric-editor"
      footer={<span className="small rubric-total">{t("sc.h.rubricTotal", { n: typedTotal(list.value) })}</span>}
    >
      {(row, index) => {
        const f = row.getFieldset();
        const n = index + 1;
        return (
          <div className="rubric-row">
            <Field
              className="rubric-criterion"
              label={<RowLabel n={n}><Req>{t("sc.f.criterion")}</Req></RowLabel>}
              {...getInputProps(f.criterion, { type: "text" })}
              maxLength={CRITERION_MAX_LENGTH}
              errors={errs(f.criterion.errors)}
            />
            <Field
              label={<RowLabel n={n}><Req>{t("sc.f.weight")}</Req></RowLabel>}
              {...getInputProps(f.weight, { type: "number" })}
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
              errors={errs(f.weight.errors)}
            />
            <Field
              label={<RowLabel n={n}><Req>{t("sc.f.maxScore")}</Req></RowLabel>}
              {...getInputProps(f.maxScore, { type: "number" })}
              min={0}
              max={1000}
              step="any"
              inputMode="decimal"
              errors={errs(f.maxScore.errors)}
            />
            <TextareaField
              className="rubric-guidance"
              label={<RowLabel n={n}>{t("sc.f.guidance")}</RowLabel>}
              {...getTextareaProps(f.guidance)}
              rows={2}
              maxLength={GUIDANCE_MAX_LENGTH}
              errors={errs(f.guidance.errors)}
            />
          </div>
        );
      }}
    </RowEditor>
  );
}
