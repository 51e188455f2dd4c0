import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";

export type AuditInput = {
  actorId: string | null;
  action: string; // e.g. "scenario.publish"
  entityType: "scenario" | "user" | "organisation" | "invitation" | "session" | "question" | "attachment" | "proposal";
  entityId: string;
  orgId?: string | null;
  data?: Prisma.InputJsonValue;
};

// Written in the same transaction as the change it records; the table refuses UPDATE and DELETE.
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      orgId: input.orgId ?? null,
      data: input.data ?? {},
    },
  });
}
