import type { Browser, Page } from "@playwright/test";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { createSessionToken, sessionCookieValue } from "../fixtures/users";

/** A page in its own browser context, signed in as `userId` (or signed out when null). */
export async function pageAs(browser: Browser, baseURL: string, db: PrismaClient, userId: string | null): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  if (userId) await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, userId)), url: baseURL }]);
  return context.newPage();
}

/** The smallest PDF the upload check accepts: evidence and objection files in the journeys. */
export const SAMPLE_PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
