import type { SnapshotField, SnapshotValue } from "~/modules/scenarios/scenario-diff";
import { isEmptyValue, snapshotValueText } from "~/modules/scenarios/snapshot-text";
import { useLocale, useT } from "~/utils/i18n";

export { FIELD_LABELS } from "~/modules/scenarios/snapshot-text";

/** One snapshot value on screen; lists one item per line. */
export function SnapshotValueText({ field, value }: { field: SnapshotField; value: SnapshotValue }) {
  const t = useT();
  const locale = useLocale();
  if (isEmptyValue(value)) return <span className="muted">{t("sc.ver.empty")}</span>;
  return <span className="diff-value">{snapshotValueText(field, value, locale, "\n")}</span>;
}
