import type { ProposalStatus } from "~/generated/prisma/enums";
import { useT, type MessageKey } from "~/utils/i18n";

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`pr.status.${status}` as MessageKey)}</span>;
}
