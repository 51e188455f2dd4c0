import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { AUDIT_EVENTS, isAuditAction, type AuditAction, type AuditData, type AuditEntity } from "./audit-events";

/** Where a person acted: kept beside the event (the platform itself acts with no context). */
export type RequestContext = { ip: string; userAgent: string | null };
export type AuditActor = { id: string; context?: RequestContext };

export type AuditInput<A extends AuditAction> = {
  action: A;
  actor: AuditActor | null;
  entityId: string;
  orgId?: string | null;
  data: AuditData<A>;
};

// Written in the same transaction as the change it records; the table refuses UPDATE and DELETE.
// The data is checked against its action's schema, so a malformed event fails the change with it.
export async function recordAudit<A extends AuditAction>(tx: Tx, input: AuditInput<A>): Promise<void> {
  const spec = AUDIT_EVENTS[input.action];
  const data = spec.data.parse(input.data) as Prisma.InputJsonValue;
  await tx.auditEvent.create({
    data: {
      actorId: input.actor?.id ?? null,
      ip: input.actor?.context?.ip ?? null,
      userAgent: input.actor?.context?.userAgent?.slice(0, 500) ?? null,
      action: input.action,
      entityType: spec.entity,
      entityId: input.entityId,
      orgId: input.orgId ?? null,
      data,
    },
  });
}

export type ParsedAuditEvent = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  orgId: string | null;
  actor: { id: string; name: string; email: string } | null;
  ip: string | null;
  userAgent: string | null;
  /** The data as its action's schema reads it; `valid` is false for rows no schema describes. */
  data: Record<string, unknown>;
  valid: boolean;
};

type Row = {
  id: bigint; at: Date; action: string; entityType: string; entityId: string; orgId: string | null;
  ip: string | null; userAgent: string | null; data: unknown; actor: { id: string; name: string; email: string } | null;
};

export function parseAuditRow(row: Row): ParsedAuditEvent {
  const parsed = isAuditAction(row.action) ? AUDIT_EVENTS[row.action].data.safeParse(row.data) : null;
  return {
    id: row.id.toString(), at: row.at, action: row.action, entityType: row.entityType, entityId: row.entityId, orgId: row.orgId,
    actor: row.actor, ip: row.ip, userAgent: row.userAgent,
    data: (parsed?.success ? parsed.data : row.data) as Record<string, unknown>,
    valid: parsed?.success ?? false,
  };
}

export const auditRowSelect = {
  id: true, at: true, action: true, entityType: true, entityId: true, orgId: true, ip: true, userAgent: true, data: true,
  actor: { select: { id: true, name: true, email: true } },
} as const;

/** The history of one record, oldest first. */
export async function auditHistory(entityType: AuditEntity, entityId: string, take = 500): Promise<ParsedAuditEvent[]> {
  const rows = await db.auditEvent.findMany({ where: { entityType, entityId }, select: auditRowSelect, orderBy: { id: "asc" }, take });
  return rows.map(parseAuditRow);
}
