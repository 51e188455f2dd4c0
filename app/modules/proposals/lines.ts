// 里程碑与联合体成员按行填写，逐行解析；问题带行号（"pv.milestoneDate@3" = 第 3 行），与评审细则同一写法。
// Milestones and consortium members are typed one per line and parsed line by line; each issue
// carries its 1-based line after "@" like the scenario rubric, so the form can say "第 3 行：…".

export type Milestone = { name: string; dueDate: string; deliverable: string; evidence: string };
export type ConsortiumMember = { name: string; role: string };
export type LineIssue = { line: number; key: string };

export const MILESTONES_MAX = 24;
export const CONSORTIUM_MAX = 10;

// 中文键盘打出的是全角竖线，两种都接受。 Chinese keyboards type the full-width bar; accept both.
const SEPARATOR = /\s*[|｜]\s*/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function eachLine(text: string, fn: (parts: string[], line: number) => void) {
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === "") return;
    fn(raw.trim().split(SEPARATOR), index + 1);
  });
}

export function parseMilestones(text: string): { rows: Milestone[]; issues: LineIssue[] } {
  const rows: Milestone[] = [];
  const issues: LineIssue[] = [];
  eachLine(text, (parts, line) => {
    if (parts.length !== 4) return issues.push({ line, key: "pv.milestoneFormat" });
    const [name, dueDate, deliverable, evidence] = parts as [string, string, string, string];
    const before = issues.length;
    if (!name || name.length > 80) issues.push({ line, key: "pv.milestoneName" });
    if (!validDate(dueDate)) issues.push({ line, key: "pv.milestoneDate" });
    if (!deliverable || deliverable.length > 200) issues.push({ line, key: "pv.milestoneDeliverable" });
    if (!evidence || evidence.length > 200) issues.push({ line, key: "pv.milestoneEvidence" });
    if (issues.length === before) rows.push({ name, dueDate, deliverable, evidence });
  });
  return { rows, issues };
}

export function parseConsortium(text: string): { rows: ConsortiumMember[]; issues: LineIssue[] } {
  const rows: ConsortiumMember[] = [];
  const issues: LineIssue[] = [];
  eachLine(text, (parts, line) => {
    if (parts.length !== 2) return issues.push({ line, key: "pv.consortiumFormat" });
    const [name, role] = parts as [string, string];
    if (!name || name.length > 120 || !role || role.length > 60) return issues.push({ line, key: "pv.consortiumFormat" });
    rows.push({ name, role });
  });
  return { rows, issues };
}

export function formatMilestones(rows: Milestone[]): string {
  return rows.map((m) => `${m.name} | ${m.dueDate} | ${m.deliverable} | ${m.evidence}`).join("\n");
}

export function formatConsortium(rows: ConsortiumMember[]): string {
  return rows.map((m) => `${m.name} | ${m.role}`).join("\n");
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
