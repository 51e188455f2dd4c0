import { markNotRelevant } from "../../../search/matching/feedback.server";
import { recordAudit, type RequestContext } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { linkSigner, type LinkToken } from "./link-tokens.server";

// 摘要中每条场景的“不相关”链接：无需登录，签名限定于收件人、单位和场景，写入已有的匹配反馈。
// The "not relevant" link of a digest item: no session, signed for one recipient, organisation and
// scenario. It feeds the matching feedback that already exists (search/matching/feedback.server.ts),
// so the scenario leaves later digests and recommendations, and similar ones weigh less.

type NotRelevantToken = Extract<LinkToken, { kind: "not-relevant" }>;

export type NotRelevantTarget = {
  token: NotRelevantToken;
  scenario: { id: string; code: string; title: string; titleEn: string | null };
  orgName: string;
  marked: boolean;
};

/** What a token names, or null: bad signature, a draft or missing scenario, or a recipient who left the organisation. */
export async function resolveNotRelevant(value: string): Promise<NotRelevantTarget | null> {
  const token = (await linkSigner()).verify(value);
  if (!token || token.kind !== "not-relevant") return null;
  const [membership, scenario, marked] = await Promise.all([
    db.membership.findFirst({ where: { userId: token.userId, orgId: token.orgId, role: "vendor_member" }, select: { org: { select: { name: true } } } }),
    db.scenario.findFirst({ where: { id: token.scenarioId, status: { not: "draft" } }, select: { id: true, code: true, title: true, titleEn: true } }),
    db.recommendationFeedback.count({ where: { orgId: token.orgId, scenarioId: token.scenarioId } }),
  ]);
  if (!membership || !scenario) return null;
  return { token, scenario, orgName: membership.org.name, marked: marked > 0 };
}

export async function markNotRelevantFromMail(value: string, context: RequestContext): Promise<NotRelevantTarget | null> {
  const target = await resolveNotRelevant(value);
  if (!target || target.marked) return target;
  const { token } = target;
  await markNotRelevant({ orgId: token.orgId, scenarioId: token.scenarioId, userId: token.userId });
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: { id: token.userId, context }, action: "digest.not_relevant", entityId: token.userId, orgId: token.orgId,
      data: { orgId: token.orgId, scenarioId: token.scenarioId },
    }),
  );
  return { ...target, marked: true };
}
