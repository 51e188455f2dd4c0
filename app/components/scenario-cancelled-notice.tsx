import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

// Shown on the public page and the department's page alike: when and why a listing was withdrawn.
export function ScenarioCancelledNotice({ cancelledAt, reason }: { cancelledAt: Date | string | null; reason: string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="status-banner status-banner-cancelled" role="note">
      <strong>{t("sc.d.cancelled", { date: formatDateTime(cancelledAt, locale) })}</strong>
      <p className="pre-line">{t("sc.d.cancelReason")} {reason}</p>
    </div>
  );
}
