import { appUrl, env } from "~/utils/env.server";
import { MANAGE_PATH } from "./digest-shared";
import type { LinkSigner, LinkToken } from "./link-tokens.server";

// Where the links of a digest point (the pages are in app/routes).
export function unsubscribeUrl(signer: LinkSigner, token: Extract<LinkToken, { kind: "unsubscribe" }>): string {
  return `${appUrl()}/unsubscribe/${signer.sign(token)}`;
}

export function notRelevantUrl(signer: LinkSigner, token: Extract<LinkToken, { kind: "not-relevant" }>): string {
  return `${appUrl()}/not-relevant/${signer.sign(token)}`;
}

export function scenarioUrl(code: string): string {
  return `${appUrl()}/scenarios/${encodeURIComponent(code)}`;
}

export function manageUrl(): string {
  return `${appUrl()}${MANAGE_PATH}`;
}

/** The mailbox a mailto: unsubscribe goes to: MAIL_UNSUBSCRIBE_ADDRESS, else unsubscribe@ the sender's domain. */
export function unsubscribeAddress(): string {
  const e = env();
  if (e.MAIL_UNSUBSCRIBE_ADDRESS) return e.MAIL_UNSUBSCRIBE_ADDRESS;
  const domain = /@([^>\s]+)>?\s*$/.exec(e.MAIL_FROM)?.[1] ?? "localhost";
  return `unsubscribe@${domain}`;
}

/**
 * RFC 8058 one-click unsubscribe (and RFC 2369): an https URL that takes a POST without a session,
 * and a mailto for clients that only do mail. Both carry the signed "all digests" token.
 */
export function listUnsubscribeHeaders(signer: LinkSigner, userId: string): Record<string, string> {
  const token = signer.sign({ kind: "unsubscribe", userId, scope: "all" });
  const mailto = `mailto:${unsubscribeAddress()}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`;
  return {
    "List-Unsubscribe": `<${appUrl()}/unsubscribe/${token}>, <${mailto}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
