import type { UnsubscribeVia } from "~/generated/prisma/enums";
import { recordAudit, type RequestContext } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { linkSigner, type LinkToken } from "./link-tokens.server";

// 一键退订（RFC 8058）与退订确认页：无需登录，凭签名链接退订某个保存的搜索、某个推荐摘要或全部摘要；可撤销。
// Unsubscribing from a signed link, without a session: one saved search, one recommendations
// digest, or every digest. Each unsubscribe is a record (who, what, how, when) that every later run
// respects until it is undone; doing it twice records nothing new.

type UnsubscribeToken = Extract<LinkToken, { kind: "unsubscribe" }>;

export type UnsubscribeTarget = {
  token: UnsubscribeToken;
  email: string;
  /** The saved search's name, or the organisation of a recommendations digest; null for "all". */
  name: string | null;
  orgName: string | null;
  /** False when the saved search or subscription was deleted since the mail was sent. */
  exists: boolean;
  unsubscribed: boolean;
};

function scopeWhere(token: UnsubscribeToken) {
  if (token.scope === "all") return { scope: "all" as const };
  return token.scope === "search"
    ? { scope: "search" as const, savedSearchId: token.targetId }
    : { scope: "recommendations" as const, recommendationSubscriptionId: token.targetId };
}

/** What a token names, or null when it is not one of ours (wrong signature, unknown person). */
export async function resolveUnsubscribe(value: string): Promise<UnsubscribeTarget | null> {
  const token = (await linkSigner()).verify(value);
  if (!token || token.kind !== "unsubscribe") return null;
  const user = await db.user.findUnique({ where: { id: token.userId }, select: { email: true } });
  if (!user) return null;
  let name: string | null = null;
  let orgName: string | null = null;
  let exists = true;
  if (token.scope === "search") {
    const search = await db.savedSearch.findFirst({ where: { id: token.targetId, userId: token.userId }, select: { name: true } });
    exists = !!search;
    name = search?.name ?? null;
  } else if (token.scope === "recommendations") {
    const sub = await db.recommendationSubscription.findFirst({ where: { id: token.targetId, userId: token.userId }, select: { org: { select: { name: true } } } });
    exists = !!sub;
    orgName = sub?.org.name ?? null;
  }
  const active = await db.digestUnsubscribe.count({ where: { userId: token.userId, undoneAt: null, ...scopeWhere(token) } });
  return { token, email: user.email, name, orgName, exists, unsubscribed: active > 0 };
}

/** Unsubscribes now; returns the target as it stands afterwards (null for an invalid token). */
export async function unsubscribe(value: string, via: UnsubscribeVia, context: RequestContext): Promise<UnsubscribeTarget | null> {
  const target = await resolveUnsubscribe(value);
  if (!target || !target.exists || target.unsubscribed) return target;
  const { token } = target;
  await db.$transaction(async (tx) => {
    await tx.digestUnsubscribe.create({ data: { userId: token.userId, via, ...scopeWhere(token) } });
    await recordAudit(tx, {
      actor: { id: token.userId, context }, action: "digest.unsubscribe", entityId: token.userId,
      data: { scope: token.scope, targetId: token.scope === "all" ? null : token.targetId, via },
    });
  });
  return { ...target, unsubscribed: true };
}

/** Undo from the confirmation page: every active unsubscribe of that scope is lifted. */
export async function resubscribe(value: string, context: RequestContext): Promise<UnsubscribeTarget | null> {
  const target = await resolveUnsubscribe(value);
  if (!target || !target.exists || !target.unsubscribed) return target;
  const { token } = target;
  await db.$transaction(async (tx) => {
    await tx.digestUnsubscribe.updateMany({ where: { userId: token.userId, undoneAt: null, ...scopeWhere(token) }, data: { undoneAt: new Date() } });
    await recordAudit(tx, {
      actor: { id: token.userId, context }, action: "digest.resubscribe", entityId: token.userId,
      data: { scope: token.scope, targetId: token.scope === "all" ? null : token.targetId, via: "link" },
    });
  });
  return { ...target, unsubscribed: false };
}
