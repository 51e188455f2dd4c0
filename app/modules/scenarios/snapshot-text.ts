import { COOPERATION_MODES, DISTRICTS, MECHANISMS, NEED_TYPES, SECTORS, TECH_TAGS, label } from "./catalog";
import { formatRubricText, type RubricRow } from "./rubric";
import type { SnapshotField, SnapshotValue } from "./scenario-diff";
import { formatDateTime, formatYuan } from "~/utils/format";
import { translator, type Locale, type MessageKey } from "~/utils/i18n";

// One place that turns a snapshot field into words, so the page's diff and the mail's diff read alike.

/** The form label of each snapshot field, reused as the row label of a diff. */
export const FIELD_LABELS: Record<SnapshotField, MessageKey> = {
  title: "sc.f.title", titleEn: "sc.f.titleEn", summary: "sc.f.summary", summaryEn: "sc.f.summaryEn",
  description: "sc.f.description", sector: "sc.f.sector", techTags: "sc.f.techTags", mechanism: "sc.f.mechanism",
  raceTeams: "sc.f.raceTeams", invitedOrgs: "sc.f.invited", district: "sc.f.district", needType: "sc.f.needType",
  cooperationMode: "sc.f.cooperationMode", budgetMin: "sc.f.budgetMinYuan", budgetMax: "sc.f.budgetMaxYuan",
  paymentSchedule: "sc.f.paymentSchedule", openResources: "sc.f.openResources", kpis: "sc.f.kpis",
  acceptanceCriteria: "sc.f.acceptanceCriteria", eligibility: "sc.f.eligibility",
  consortiumAllowed: "sc.f.consortiumAllowed", consortiumMaxMembers: "sc.f.consortiumMaxMembers",
  responsibleUnits: "sc.f.responsibleUnits", contactName: "sc.f.contactName", contactPhone: "sc.f.contactPhone",
  contactEmail: "sc.f.contactEmail", deadline: "sc.f.deadline", projectMonths: "sc.f.projectMonths", rubric: "sc.f.rubric",
  passMark: "aw.f.passMark", noticeDays: "aw.f.noticeDays", showEvaluatorNames: "aw.f.showEvaluatorNames",
  objectionContact: "aw.f.objectionContact", attachments: "att.title",
};

export function isEmptyValue(value: SnapshotValue): boolean {
  return value == null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** A snapshot value as a reader sees it: catalogue labels, formatted money and dates, lists joined by `separator`. */
export function snapshotValueText(field: SnapshotField, value: SnapshotValue, locale: Locale, separator = "; "): string {
  const t = translator(locale);
  if (isEmptyValue(value)) return t("sc.ver.empty");
  switch (field) {
    case "sector": return label(SECTORS, String(value), locale);
    case "district": return label(DISTRICTS, String(value), locale);
    case "needType": return label(NEED_TYPES, String(value), locale);
    case "mechanism": return label(MECHANISMS, String(value), locale);
    case "cooperationMode": return label(COOPERATION_MODES, String(value), locale);
    case "techTags": return (value as string[]).map((k) => label(TECH_TAGS, k, locale)).join(locale === "en" ? ", " : "、");
    case "budgetMin":
    case "budgetMax": return formatYuan(Number(value), locale);
    case "deadline": return formatDateTime(String(value), locale);
    case "consortiumAllowed":
    case "showEvaluatorNames": return t(value ? "common.yes" : "common.no");
    case "rubric": return formatRubricText(value as RubricRow[]);
    default: return Array.isArray(value) ? (value as string[]).join(separator) : String(value);
  }
}
