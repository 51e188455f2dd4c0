import { FIELD_LABELS } from "~/components/scenario-value";
import { COOPERATION_MODES, DISTRICTS, MECHANISMS, NEED_TYPES, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { formatRubricText, type RubricRow } from "~/modules/scenarios/rubric";
import type { FieldChange, SnapshotField, SnapshotValue } from "~/modules/scenarios/scenario-diff";
import { formatDateTime, formatYuan } from "~/utils/format";
import { translator, type Locale } from "~/utils/i18n";

// The field-level diff as plain text for mail and notifications. It mirrors SnapshotValueText
// (the on-screen diff) so a vendor reads the same labels and values in the mail as on the page.

export function changeValueText(field: SnapshotField, value: SnapshotValue, locale: Locale): string {
  const t = translator(locale);
  if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) return t("sc.ver.empty");
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
    default: return Array.isArray(value) ? (value as string[]).join("; ") : String(value);
  }
}

/** `{ label, before, after }` rows in the recipient's language, as the scenario-update mail expects. */
export function changesText(changes: FieldChange[], locale: Locale) {
  const t = translator(locale);
  return changes.map((c) => ({
    label: t(FIELD_LABELS[c.field]),
    before: changeValueText(c.field, c.before, locale),
    after: changeValueText(c.field, c.after, locale),
  }));
}
