import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import type { Asker } from "./question-commands.server";
import { assertVendorOrg } from "./question-commands.server";

/**
 * 关注: the organisation follows the scenario (one row per org; following twice changes nothing).
 * Following makes it an "interested vendor" (notifications/audiences.server.ts).
 */
export async function setInterest(user: Asker, scenarioId: string, follow: boolean): Promise<void> {
  assertVendorOrg(user.membership);
  const orgId = user.membership.orgId;
  if (!follow) {
    await db.scenarioInterest.deleteMany({ where: { orgId, scenarioId } });
    return;
  }
  const s = await db.scenario.findUnique({ where: { id: scenarioId }, select: { status: true, publishedAt: true } });
  if (!s || s.publishedAt == null || s.status === "draft") throw new AppError("error.notFound", 404);
  await db.scenarioInterest.createMany({ data: [{ orgId, scenarioId, userId: user.id }], skipDuplicates: true });
}
