import type { OrgType, Role } from "~/generated/prisma/enums";
import { AUDIT_EVENTS, type AuditAction, type AuditEntity } from "~/modules/audit/audit-events";

/**
 * The values the admin tables filter on. The pages render them in the browser too, so they live
 * here and not in the `.server` modules (which the browser bundle replaces with nothing).
 */
export const VERIFICATION_STATES = ["pending", "rejected", "verified"] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];
export const ORG_TYPES = ["vendor", "institute", "department", "platform"] as const satisfies readonly OrgType[];

export const ROLES = ["officer", "vendor_member", "evaluator", "admin"] as const satisfies readonly Role[];
export const USER_STATES = ["active", "disabled"] as const;
export type UserState = (typeof USER_STATES)[number];

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export const AUDIT_ACTIONS = Object.keys(AUDIT_EVENTS) as AuditAction[];
export const AUDIT_ENTITIES = [...new Set(Object.values(AUDIT_EVENTS).map((e) => e.entity))] as AuditEntity[];
