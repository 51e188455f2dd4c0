import { db } from "~/utils/db.server";

// The notifications page's reads and writes; every query carries the user id, so nobody marks
// or reads another person's notifications by guessing an id.

export async function listNotifications(userId: string, take = 100) {
  const rows = await db.notification.findMany({
    where: { userId },
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map((r) => ({ ...r, readAt: r.readAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }));
}

export async function markRead(userId: string, id: string, now = new Date()): Promise<void> {
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
}

export async function markAllRead(userId: string, now = new Date()): Promise<void> {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
}
