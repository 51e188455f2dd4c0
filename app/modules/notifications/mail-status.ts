import type { MailStatus } from "~/generated/prisma/enums";

/** Mail that did not go out: failed on our side, or dead-lettered by the provider (shared with the browser bundle). */
export const UNDELIVERED = ["failed", "dead"] as const satisfies readonly MailStatus[];
export type Undelivered = (typeof UNDELIVERED)[number];
