import { getInputProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Field } from "~/components/forms";
import {
  CONSORTIUM_MAX, MEMBER_NAME_MAX, MEMBER_ROLE_MAX, MILESTONE_NAME_MAX, MILESTONE_TEXT_MAX, MILESTONES_MAX,
  type ConsortiumMember, type Milestone,
} from "~/modules/proposals/lines";
import { useT } from "~/utils/i18n";
import { RowEditor, RowLabel } from "./row-editor";
import { issueTexts } from "./scenario-form";

// The proposal's repeating fields, row by row (they work without JavaScript: see RowEditor).

/* eslint-disable @typescript-eslint/no-explicit-any */
type Form = FormMetadata<any, string[]>;
type List<Row> = FieldMetadata<Partial<Row>[] | undefined, any, string[]>;
/* eslint-enable @typescript-eslint/no-explicit-any */

const NEW_MILESTONE = { name: "", dueDate: "", deliverable: "", evidence: "" };
const NEW_MEMBER = { name: "", role: "" };

export function MilestoneEditor({ form, list }: { form: Form; list: List<Milestone> }) {
  const t = useT();
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  return (
    <RowEditor form={form} list={list} legend={t("pr.f.milestones")} hint={t("pr.h.milestonesRows")} errors={errs(list.errors)} newRow={NEW_MILESTONE} max={MILESTONES_MAX}>
      {(row, index) => {
        const f = row.getFieldset();
        const n = index + 1;
        const { key: nameKey, ...name } = getInputProps(f.name, { type: "text" });
        const { key: dateKey, ...dueDate } = getInputProps(f.dueDate, { type: "date" });
        const { key: delKey, ...deliverable } = getInputProps(f.deliverable, { type: "text" });
        const { key: evKey, ...evidence } = getInputProps(f.evidence, { type: "text" });
        return (
          <div className="milestone-row">
            <Field className="milestone-name" label={<RowLabel n={n}>{t("pr.f.milestoneName")}</RowLabel>} key={nameKey} {...name} maxLength={MILESTONE_NAME_MAX} errors={errs(f.name.errors)} />
            <Field label={<RowLabel n={n}>{t("pr.f.milestoneDate")}</RowLabel>} key={dateKey} {...dueDate} errors={errs(f.dueDate.errors)} />
            <Field label={<RowLabel n={n}>{t("pr.f.milestoneDeliverable")}</RowLabel>} key={delKey} {...deliverable} maxLength={MILESTONE_TEXT_MAX} errors={errs(f.deliverable.errors)} />
            <Field label={<RowLabel n={n}>{t("pr.f.milestoneEvidence")}</RowLabel>} key={evKey} {...evidence} maxLength={MILESTONE_TEXT_MAX} errors={errs(f.evidence.errors)} />
          </div>
        );
      }}
    </RowEditor>
  );
}

export function ConsortiumEditor({ form, list, max }: { form: Form; list: List<ConsortiumMember>; max: number }) {
  const t = useT();
  const errs = (e: string[] | undefined) => issueTexts(t, e);
  return (
    <RowEditor form={form} list={list} legend={t("pr.f.consortiumMembers")} hint={t("pr.h.consortiumRows", { n: max })} errors={errs(list.errors)}
      newRow={NEW_MEMBER} max={Math.min(max, CONSORTIUM_MAX)}>
      {(row, index) => {
        const f = row.getFieldset();
        const n = index + 1;
        const { key: nameKey, ...name } = getInputProps(f.name, { type: "text" });
        const { key: roleKey, ...role } = getInputProps(f.role, { type: "text" });
        return (
          <div className="member-row">
            <Field label={<RowLabel n={n}>{t("pr.f.memberName")}</RowLabel>} key={nameKey} {...name} maxLength={MEMBER_NAME_MAX} autoComplete="organization" errors={errs(f.name.errors)} />
            <Field label={<RowLabel n={n}>{t("pr.f.memberRole")}</RowLabel>} key={roleKey} {...role} maxLength={MEMBER_ROLE_MAX} errors={errs(f.role.errors)} />
          </div>
        );
      }}
    </RowEditor>
  );
}
