import type { FieldChange } from "~/modules/scenarios/scenario-diff";
import { FIELD_LABELS, snapshotValueText } from "~/modules/scenarios/snapshot-text";
import { translator, type Locale } from "~/utils/i18n";

// The field-level diff as plain text for mail and notifications, worded by snapshot-text.ts like the
// on-screen diff, so a vendor reads the same labels and values in the mail as on the page.

/** `{ label, before, after }` rows in the recipient's language, as the scenario-update mail expects. */
export function changesText(changes: FieldChange[], locale: Locale) {
  const t = translator(locale);
  return changes.map((c) => ({
    label: t(FIELD_LABELS[c.field]),
    before: snapshotValueText(c.field, c.before, locale),
    after: snapshotValueText(c.field, c.after, locale),
  }));
}
