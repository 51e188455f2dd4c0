import { COOPERATION_MODES, DISTRICTS, MECHANISMS, NEED_TYPES, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import type { SnapshotField, SnapshotValue } from "~/modules/scenarios/scenario-diff";
import { formatRubricText, type RubricRow } from "~/modules/scenarios/rubric";
import { formatDateTime, formatYuan } from "~/utils/format";
import { useLocale, useT, type MessageKey } from "~/utils/i18n";

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
  attachments: "att.title",
};

/** One snapshot value as a reader sees it: catalogue labels, formatted money and dates, lists one per line. */
export function SnapshotValueText({ field, value }: { field: SnapshotField; value: SnapshotValue }) {
  const t = useT();
  const locale = useLocale();
  if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) {
    return <span className="muted">{t("sc.ver.empty")}</span>;
  }
  const text = (() => {
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
      case "consortiumAllowed": return t(value ? "common.yes" : "common.no");
      case "rubric": return formatRubricText(value as RubricRow[]);
      default: return Array.isArray(value) ? (value as string[]).join("\n") : String(value);
    }
  })();
  return <span className="diff-value">{text}</span>;
}
