import type { Prisma } from "~/generated/prisma/client";
import { isAuditAction, type AuditAction, type AuditEntity } from "~/modules/audit/audit-events";
import { auditRowSelect, parseAuditRow, type ParsedAuditEvent } from "~/modules/audit/audit.server";
import { label, SCENARIO_STATUSES } from "~/modules/scenarios/catalog";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { hasMessage, type Locale, type MessageKey, type Translate } from "~/utils/i18n";
import { NAMED_FIELDS, namesFor, type NameIndex } from "./audit-names.server";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "./admin-vocabulary";
import { PAGE_SIZE, pageCount, readText, skipFor } from "./table-params";

/**
 * The audit log viewer: filters by record, actor, action and date (Asia/Shanghai days), and each
 * event told in words — the action's label, the record's name, every data field with its label and
 * its value made readable (names for ids, yes/no, role and status labels). The CSV export uses the
 * same filters and the same words.
 */
export const CSV_LIMIT = 10_000;

export type AuditFilters = {
  type?: AuditEntity; record?: string; actor?: string; action?: AuditAction; from?: string; to?: string;
};

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const type = AUDIT_ENTITIES.find((e) => e === params.get("type"));
  const action = AUDIT_ACTIONS.find((a) => a === params.get("action"));
  const validDay = (name: string) => {
    const d = readText(params, name, DAY, 10);
    return d && !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)) && new Date(`${d}T00:00:00+08:00`).toISOString() ? d : undefined;
  };
  return {
    type, action,
    record: readText(params, "record", /^[\p{L}\p{N}_:@.+-]+$/u, 120) ?? undefined,
    actor: readText(params, "actor", /^[\p{L}\p{N}\p{Zs}_@.+-]+$/u, 100) ?? undefined,
    from: validDay("from"), to: validDay("to"),
  };
}

function shanghaiDayStart(day: string, plusDays = 0): Date {
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86_400_000);
}

async function whereFor(f: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = {};
  if (f.type) where.entityType = f.type;
  if (f.action) where.action = f.action;
  if (f.record) {
    // A scenario's code or a user's address stands for its id: admins know records by those.
    const [scenario, user] = await Promise.all([
      db.scenario.findUnique({ where: { code: f.record }, select: { id: true } }),
      f.record.includes("@") ? db.user.findUnique({ where: { email: f.record.toLowerCase() }, select: { id: true } }) : null,
    ]);
    where.entityId = { in: [f.record, scenario?.id, user?.id].filter((v): v is string => Boolean(v)) };
  }
  if (f.actor) where.actor = { OR: [{ email: { contains: f.actor, mode: "insensitive" } }, { name: { contains: f.actor, mode: "insensitive" } }] };
  if (f.from || f.to) where.at = { ...(f.from ? { gte: shanghaiDayStart(f.from) } : {}), ...(f.to ? { lt: shanghaiDayStart(f.to, 1) } : {}) };
  return where;
}

export type ReadableEvent = {
  id: string; at: string; atText: string; actor: string; action: string; actionText: string;
  entityType: string; entityText: string; entityId: string; record: string; fields: { label: string; value: string }[]; ip: string;
};

function fieldLabel(t: Translate, field: string): string {
  const key = `adm.audit.field.${field}`;
  return hasMessage(key) ? t(key as MessageKey) : field;
}

function valueText(t: Translate, locale: Locale, names: NameIndex, action: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return t(value ? "adm.audit.yes" : "adm.audit.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (NAMED_FIELDS.has(field)) return names.get(value) ?? value;
    if ((field === "role" || (action === "membership.role_change" && (field === "from" || field === "to"))) && hasMessage(`role.${value}`)) return t(`role.${value}` as MessageKey);
    if (action.startsWith("scenario.") && field === "from") return label(SCENARIO_STATUSES, value, locale);
    if (action.startsWith("organisation.document_") && field === "kind" && hasMessage(`vd.kind.${value}`)) return t(`vd.kind.${value}` as MessageKey);
    // A date-like string that is no date (typed by someone, kept as typed) is shown as it is.
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value, locale);
    return value.length > 300 ? `${value.slice(0, 300)}…` : value;
  }
  if (Array.isArray(value)) {
    if (field === "changes") {
      return value.map((c: { field?: string; before?: unknown; after?: unknown }) => `${c.field}: ${short(c.before)} → ${short(c.after)}`).join("; ");
    }
    if (field === "detected") return value.map((d: { orgName?: string; kind?: string }) => `${d.orgName ?? "?"} (${d.kind ?? "?"})`).join("、");
    return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join("、");
  }
  if (field === "affiliations" && typeof value === "object") {
    const a = value as { before?: { orgName: string }[]; after?: { orgName: string }[] };
    return `${(a.before ?? []).map((x) => x.orgName).join("、") || "—"} → ${(a.after ?? []).map((x) => x.orgName).join("、") || "—"}`;
  }
  return JSON.stringify(value);
}

function short(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

export function describeEvent(e: ParsedAuditEvent, names: NameIndex, t: Translate, locale: Locale): ReadableEvent {
  const actionKey = `adm.audit.action.${e.action}`;
  const entityKey = `adm.audit.entity.${e.entityType}`;
  const recordName = names.get(e.entityId);
  return {
    id: e.id, at: e.at.toISOString(), atText: formatDateTime(e.at, locale),
    actor: e.actor ? `${e.actor.name} <${e.actor.email}>` : t("adm.audit.platform"),
    action: e.action,
    actionText: hasMessage(actionKey) ? t(actionKey as MessageKey) : e.action,
    entityType: e.entityType,
    entityText: hasMessage(entityKey) ? t(entityKey as MessageKey) : e.entityType,
    entityId: e.entityId,
    record: recordName ?? (e.entityId.startsWith("email:") ? e.entityId.slice(6) : e.entityId),
    fields: Object.entries(e.data).map(([field, value]) => ({ label: fieldLabel(t, field), value: valueText(t, locale, names, e.action, field, value) })),
    ip: e.ip ?? "",
  };
}

export async function listAuditEvents(filters: AuditFilters, page: number, t: Translate, locale: Locale) {
  const where = await whereFor(filters);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, select: auditRowSelect, orderBy: { id: "desc" }, skip: skipFor(page), take: PAGE_SIZE }),
  ]);
  const events = rows.map(parseAuditRow);
  const names = await namesFor(events);
  return { total, pages: pageCount(total), events: events.map((e) => describeEvent(e, names, t, locale)) };
}

export async function auditEventsForCsv(filters: AuditFilters, t: Translate, locale: Locale): Promise<ReadableEvent[]> {
  const rows = await db.auditEvent.findMany({ where: await whereFor(filters), select: auditRowSelect, orderBy: { id: "desc" }, take: CSV_LIMIT });
  const events = rows.map(parseAuditRow);
  const names = await namesFor(events);
  return events.map((e) => describeEvent(e, names, t, locale));
}

export { isAuditAction };
