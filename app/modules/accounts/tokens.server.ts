import type { TokenPurpose } from "~/generated/prisma/enums";
import type { Tx } from "~/utils/db.server";
import { db } from "~/utils/db.server";
import { hashToken, randomToken } from "~/utils/crypto.server";

const TTL_MS: Record<TokenPurpose, number> = { verify_email: 3 * 86_400_000, reset_password: 60 * 60_000 };

export async function issueToken(tx: Tx, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = randomToken();
  await tx.userToken.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + TTL_MS[purpose]) } });
  return token;
}

// Marks the token used in the same statement that checks it, so a link works exactly once.
export async function consumeToken(tx: Tx, token: string, purpose: TokenPurpose): Promise<string | null> {
  const tokenHash = hashToken(token);
  const row = await tx.userToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, purpose: true } });
  if (!row || row.purpose !== purpose) return null;
  const used = await tx.userToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return used.count === 1 ? row.userId : null;
}

export async function peekToken(token: string, purpose: TokenPurpose): Promise<boolean> {
  const row = await db.userToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { purpose: true, usedAt: true, expiresAt: true } });
  return !!row && row.purpose === purpose && !row.usedAt && row.expiresAt > new Date();
}
