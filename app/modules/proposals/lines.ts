// 里程碑与联合体成员：表单上逐行编辑（行编辑器），数据库中存 JSON 数组。
// Milestones and consortium members: edited row by row on the form (the row editor), stored as JSON arrays.

export type Milestone = { name: string; dueDate: string; deliverable: string; evidence: string };
export type ConsortiumMember = { name: string; role: string };

export const MILESTONES_MAX = 24;
export const CONSORTIUM_MAX = 10;
export const MILESTONE_NAME_MAX = 80;
export const MILESTONE_TEXT_MAX = 200;
export const MEMBER_NAME_MAX = 120;
export const MEMBER_ROLE_MAX = 60;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** 防御性读取 JSON 列（手工写入或旧数据不被信任）。 Reads the JSON columns defensively. */
export function readMilestones(value: unknown): Milestone[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r) => {
    const { name, dueDate, deliverable, evidence } = (r ?? {}) as Record<string, unknown>;
    return [name, dueDate, deliverable, evidence].every((v) => typeof v === "string")
      ? [{ name, dueDate, deliverable, evidence } as Milestone] : [];
  });
}

export function readConsortium(value: unknown): ConsortiumMember[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r) => {
    const { name, role } = (r ?? {}) as Record<string, unknown>;
    return typeof name === "string" && typeof role === "string" ? [{ name, role }] : [];
  });
}
