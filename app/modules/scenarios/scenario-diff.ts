import { readRubric, type RubricRow } from "./rubric";

// A frozen, JSON-safe copy of what a scenario says, kept with every published version.
// Budgets are whole 元 as numbers, the deadline an ISO string, invited organisations by name
// (the history must read the same after an organisation is renamed or removed).
export type ScenarioSnapshot = {
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  description: string;
  sector: string;
  techTags: string[];
  mechanism: string;
  raceTeams: number | null;
  invitedOrgs: string[];
  district: string;
  needType: string;
  cooperationMode: string;
  budgetMin: number | null;
  budgetMax: number | null;
  paymentSchedule: string;
  openResources: string;
  kpis: string[];
  acceptanceCriteria: string[];
  eligibility: string;
  consortiumAllowed: boolean;
  consortiumMaxMembers: number;
  responsibleUnits: string[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  deadline: string;
  projectMonths: number | null;
  rubric: RubricRow[];
  passMark: number | null;
  noticeDays: number;
  showEvaluatorNames: boolean;
  objectionContact: string;
  attachments: string[]; // file names; a published scenario's files change only by amendment
};

export type SnapshotField = keyof ScenarioSnapshot;
export type SnapshotValue = ScenarioSnapshot[SnapshotField];
export type FieldChange = { field: SnapshotField; before: SnapshotValue; after: SnapshotValue };

/** Field order of the form, which is also the order changes are listed in. */
export const SNAPSHOT_FIELDS: readonly SnapshotField[] = [
  "title", "titleEn", "summary", "summaryEn", "description", "sector", "techTags", "mechanism", "raceTeams",
  "invitedOrgs", "district", "needType", "cooperationMode", "budgetMin", "budgetMax", "paymentSchedule",
  "openResources", "kpis", "acceptanceCriteria", "eligibility", "consortiumAllowed", "consortiumMaxMembers",
  "responsibleUnits", "contactName", "contactPhone", "contactEmail", "deadline", "projectMonths", "rubric",
  "passMark", "noticeDays", "showEvaluatorNames", "objectionContact", "attachments",
];

/**
 * SPEC §4: a change to the deadline, the budget, the KPIs or the eligibility (which includes the
 * consortium rule) is material — vendors who prepared against the old terms must be told. The pass
 * mark of a directed call is one of those terms: the invited organisation prepares to reach it.
 * The notice settings (period, objection contact, evaluator names) only govern the notice after the
 * award, which no vendor prepares against: an amendment records them without a material notice.
 */
export const MATERIAL_FIELDS: ReadonlySet<SnapshotField> = new Set<SnapshotField>([
  "deadline", "budgetMin", "budgetMax", "kpis", "eligibility", "consortiumAllowed", "consortiumMaxMembers",
  "attachments", "passMark",
]);

// Tags and invitations are sets; KPIs, criteria and rubric rows keep their order because order carries meaning.
const UNORDERED: ReadonlySet<SnapshotField> = new Set<SnapshotField>(["techTags", "invitedOrgs", "attachments"]);

function normalise(field: SnapshotField, value: SnapshotValue): unknown {
  // Versions recorded before files were part of a snapshot read as "no files".
  if (field === "attachments") return [...((value as string[] | undefined) ?? [])].sort();
  if (Array.isArray(value) && UNORDERED.has(field)) return [...(value as string[])].sort();
  if (field === "deadline" && typeof value === "string") return new Date(value).getTime();
  // Versions recorded before rubric rows had guidance read as "no guidance"; one key order.
  if (field === "rubric") return readRubric(value);
  return value ?? null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The field-level changes from `before` to `after`, in form order; `material` if any is material. */
export function diffSnapshots(before: ScenarioSnapshot, after: ScenarioSnapshot): { changes: FieldChange[]; material: boolean } {
  const changes: FieldChange[] = [];
  for (const field of SNAPSHOT_FIELDS) {
    if (same(normalise(field, before[field]), normalise(field, after[field]))) continue;
    changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
  }
  return { changes, material: changes.some((c) => MATERIAL_FIELDS.has(c.field)) };
}

/** Reads the `changes` JSON column defensively (unknown fields are dropped). */
export function readChanges(value: unknown): FieldChange[] {
  if (!Array.isArray(value)) return [];
  const known = new Set<string>(SNAPSHOT_FIELDS);
  return value.filter(
    (c): c is FieldChange => !!c && typeof c === "object" && known.has((c as { field?: unknown }).field as string),
  );
}

/** A stored scenario (budgets as BigInt or number, deadline as Date) as the snapshot the diff compares. */
export type SnapshotSource = Omit<ScenarioSnapshot, "budgetMin" | "budgetMax" | "deadline" | "rubric" | "invitedOrgs" | "attachments"> & {
  attachments?: string[];
  budgetMin: bigint | number | null;
  budgetMax: bigint | number | null;
  deadline: Date;
  rubric: RubricRow[];
  invitedOrgs: string[];
};

export function snapshotOf(source: SnapshotSource): ScenarioSnapshot {
  const snapshot = {} as Record<SnapshotField, SnapshotValue>;
  for (const field of SNAPSHOT_FIELDS) snapshot[field] = source[field] as SnapshotValue;
  return {
    ...(snapshot as ScenarioSnapshot),
    techTags: [...source.techTags].sort(),
    invitedOrgs: [...source.invitedOrgs].sort(),
    attachments: [...(source.attachments ?? [])].sort(),
    budgetMin: source.budgetMin == null ? null : Number(source.budgetMin),
    budgetMax: source.budgetMax == null ? null : Number(source.budgetMax),
    deadline: source.deadline.toISOString(),
  };
}
