import type { MessageKey } from "~/utils/i18n";

/**
 * What an amendment may do to the proposal deadline. Sealing rests on it: if an officer could
 * pull the deadline to "in a few seconds", read the unsealed proposals and move it back, the seal
 * would mean nothing. So:
 * - a deadline that has passed is final: the call is closed and never reopens by amendment;
 * - extending is always allowed (vendors only gain time);
 * - shortening is refused once any proposal has been submitted, and otherwise must leave at least
 *   MIN_NOTICE_DAYS between the amendment (when vendors hear of it) and the new deadline.
 */
export const MIN_NOTICE_DAYS = 3;
const MIN_NOTICE_MS = MIN_NOTICE_DAYS * 86_400_000;

export type DeadlineChange = {
  current: Date;
  proposed: Date;
  now: Date;
  /** Proposals of this scenario that have ever been submitted (withdrawn ones included). */
  submittedProposals: number;
};

export function deadlineChangeRefusal({ current, proposed, now, submittedProposals }: DeadlineChange): MessageKey | null {
  if (current.getTime() <= now.getTime()) return "sv.deadlineClosed";
  if (proposed.getTime() <= now.getTime()) return "sv.deadlinePast";
  if (proposed.getTime() >= current.getTime()) return null;
  if (submittedProposals > 0) return "sv.deadlineShortenSubmitted";
  if (proposed.getTime() < now.getTime() + MIN_NOTICE_MS) return "sv.deadlineShortenNotice";
  return null;
}
