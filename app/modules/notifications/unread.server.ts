import { db } from "~/utils/db.server";

/** The number in the header's "通知 (n)"; served by the (userId, readAt, createdAt) index. */
export function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
