import { useT } from "~/utils/i18n";
import type { MessageKey } from "~/utils/i18n";

/** A milestone's status as a badge, in the reader's language. */
export function MilestoneStatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge badge-milestone-${status}`}>{t(`dl.status.${status}` as MessageKey)}</span>;
}
