import { DEFAULT_NOTICE_DAYS } from "~/modules/awards/notice-period";
import { defaultRubric, type RubricRow } from "./rubric";
import { yuanToWan } from "./schema";
import { toShanghaiInput } from "./scenario-dates";

// What the edit and amend forms start from: a stored scenario turned back into what a person typed.
type Source = {
  title: string; titleEn: string | null; summary: string; summaryEn: string | null; description: string;
  sector: string; techTags: string[]; mechanism: string; raceTeams: number | null; invitedOrgs: { id: string }[];
  district: string; needType: string; cooperationMode: string; budgetMin: number | null; budgetMax: number | null;
  paymentSchedule: string; openResources: string; kpis: string[]; acceptanceCriteria: string[]; eligibility: string;
  consortiumAllowed: boolean; consortiumMaxMembers: number; responsibleUnits: string[]; contactName: string;
  contactPhone: string; contactEmail: string; deadline: string; projectMonths: number | null; rubric: RubricRow[];
  passMark: number | null; noticeDays: number; showEvaluatorNames: boolean; objectionContact: string;
  version: number;
};

const str = (value: number | null | undefined) => (value == null ? "" : String(value));

// A list editor shows at least one row to type into; an empty row is not saved.
const rowsOrOneEmpty = (items: string[]) => (items.length > 0 ? [...items] : [""]);

const rubricRows = (rows: RubricRow[]) =>
  rows.map((r) => ({ criterion: r.criterion, guidance: r.guidance, weight: String(r.weight), maxScore: String(r.maxScore) }));

/** What the create form starts from: the officer as the contact, the default rubric, empty lists. */
export function newScenarioFormDefaults(contact: { name: string; email: string }) {
  return {
    mechanism: "open_call",
    contactName: contact.name,
    contactEmail: contact.email,
    kpis: [""],
    acceptanceCriteria: [""],
    responsibleUnits: [""],
    rubric: rubricRows(defaultRubric()),
    noticeDays: String(DEFAULT_NOTICE_DAYS),
  };
}

export function scenarioFormDefaults(s: Source) {
  return {
    title: s.title,
    titleEn: s.titleEn ?? "",
    summary: s.summary,
    summaryEn: s.summaryEn ?? "",
    description: s.description,
    sector: s.sector,
    techTags: s.techTags,
    mechanism: s.mechanism,
    raceTeams: str(s.raceTeams),
    invitedOrgIds: s.invitedOrgs.map((o) => o.id),
    district: s.district,
    needType: s.needType,
    cooperationMode: s.cooperationMode,
    budgetMin: str(yuanToWan(s.budgetMin)),
    budgetMax: str(yuanToWan(s.budgetMax)),
    paymentSchedule: s.paymentSchedule,
    openResources: s.openResources,
    kpis: rowsOrOneEmpty(s.kpis),
    acceptanceCriteria: rowsOrOneEmpty(s.acceptanceCriteria),
    eligibility: s.eligibility,
    // Conform reads a checked checkbox as "on".
    consortiumAllowed: s.consortiumAllowed ? "on" : "",
    consortiumMaxMembers: s.consortiumAllowed ? str(s.consortiumMaxMembers) : "",
    responsibleUnits: rowsOrOneEmpty(s.responsibleUnits),
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    contactEmail: s.contactEmail,
    deadline: toShanghaiInput(s.deadline),
    projectMonths: str(s.projectMonths),
    // A scenario saved before the rubric was required has none: it starts from the template,
    // which the officer sees and edits before saving.
    rubric: rubricRows(s.rubric.length > 0 ? s.rubric : defaultRubric()),
    passMark: str(s.passMark),
    noticeDays: String(s.noticeDays),
    showEvaluatorNames: s.showEvaluatorNames ? "on" : "",
    objectionContact: s.objectionContact,
    version: String(s.version),
  };
}

export type ScenarioFormDefaults = Partial<ReturnType<typeof scenarioFormDefaults> & { note: string }>;
