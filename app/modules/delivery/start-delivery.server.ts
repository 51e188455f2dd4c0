import type { Prisma } from "~/generated/prisma/client";
import type { AuditActor } from "~/modules/audit/audit.server";
import { transitionScenario } from "~/modules/scenarios/scenario-transition.server";

/**
 * 挂帅: an awarded scenario goes into delivery. This version only moves the scenario (awarded →
 * in_delivery); the delivery module's full version also turns the awarded proposals' milestones into
 * milestone records, with this same signature. `null` is the platform acting (the notice-end job).
 */
export async function startDelivery(tx: Prisma.TransactionClient, scenarioId: string, actor: AuditActor | null): Promise<void> {
  await transitionScenario(tx, { id: scenarioId }, "in_delivery", actor, {
    audit: { action: "scenario.deliveryStart", data: {} },
  });
}
