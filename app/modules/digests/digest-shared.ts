import type { DigestFrequency } from "~/generated/prisma/enums";

// What both the server and the browser bundle need (a *.server module is empty in the browser).

/** The choices of a saved search's mail, in the order the forms offer them. */
export const FREQUENCIES = ["daily", "weekly", "off"] as const satisfies readonly DigestFrequency[];

/** The member's page of saved searches and digests; digests link to it. */
export const MANAGE_PATH = "/vendor/searches";
