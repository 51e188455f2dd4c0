/**
 * Shapes of the demo catalogue. Pure data: prisma/seed.ts turns these into rows.
 *
 * Time is relative to the moment of seeding (`publishedDaysAgo`, `deadlineInDays`,
 * `daysAfterPublish`) so the demo looks alive whenever it is seeded.
 */
import type {
  CooperationModeKey,
  DistrictKey,
  MechanismKey,
  NeedTypeKey,
  ScenarioStatusKey,
  SectorKey,
  TechTagKey,
} from "../../app/modules/scenarios/catalog";

export type SeedDepartment = {
  key: string;
  name: string;
  nameEn: string;
  shortName: string;
  district: DistrictKey;
  /** 统一社会信用代码; "11…" for 机关, "12…" for 事业单位. */
  creditCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
};

export type SeedPastCase = { title: string; sector: SectorKey; year: number; summary: string };

export type SeedVendor = {
  key: string;
  type: "vendor" | "institute";
  name: string;
  nameEn: string;
  /** "91…" for companies, "12…" for institutes (事业单位). */
  creditCode: string;
  verified: boolean;
  /** Where the organisation is registered. */
  district: DistrictKey;
  website: string;
  intro: string;
  introEn: string;
  sectors: SectorKey[];
  techTags: TechTagKey[];
  /** Where the organisation is willing to deliver. */
  districts: DistrictKey[];
  products: string[];
  certifications: string[];
  teamSize: number;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  pastCases: SeedPastCase[];
};

/** `guidance` is what evaluators read beside the criterion when they score (empty when not given). */
export type SeedRubricItem = { criterion: string; criterionEn: string; guidance?: string; weight: number; maxScore: number };

/**
 * A published amendment. The scenario's own fields describe version 1 as first published; each
 * amendment, in order, sets the listed fields to new values (see `currentScenarioValues` in
 * ./scenarios). The seed writes one ScenarioVersion per amendment and stores the final values.
 */
export type SeedAmendment = {
  daysAfterPublish: number;
  note: string;
  changes: Partial<
    Pick<SeedScenario, "deadlineInDays" | "budgetMin" | "budgetMax" | "kpis" | "eligibility" | "summary">
  >;
};

export type SeedScenarioStatus = ScenarioStatusKey;

export type SeedScenario = {
  /** "ZZ-YYYY-NNNN" for Zhengzhou units, "HA-YYYY-NNNN" for Henan provincial units. */
  code: string;
  departmentKey: string;
  status: SeedScenarioStatus;
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  /** Markdown in Chinese: 背景, 需求, 场景资源, 技术路线期望. */
  description: string;
  sector: SectorKey;
  techTags: TechTagKey[];
  mechanism: MechanismKey;
  /** 赛马: number of teams funded in parallel (2–3). */
  raceTeams?: number;
  /** 定向委托: keys of invited vendors/institutes. */
  invitedVendorKeys?: string[];
  district: DistrictKey;
  needType: NeedTypeKey;
  cooperationMode: CooperationModeKey;
  /** 元; both null means 面议 (negotiable). */
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
  /** null for drafts. */
  publishedDaysAgo: number | null;
  /** Relative to seeding time; negative = passed (closed or later states). */
  deadlineInDays: number;
  projectMonths: number;
  /** Weights sum to 100. */
  rubric: SeedRubricItem[];
  cancelReason?: string;
  amendments?: SeedAmendment[];
};
