import type { PrismaClient } from "../app/generated/prisma/client";
import type { ProposalStatus } from "../app/generated/prisma/enums";
import { checkEligibility } from "../app/modules/proposals/eligibility";
import { digestOf, proposalContent } from "../app/modules/proposals/receipt";
import { budgetOf, milestones, relevantCases, teamText, technicalApproach } from "./seed-data/proposal-text";
import { OPEN_PROPOSALS, PROPOSALS_AFTER_CLOSE, type SeedProposalPlan } from "./seed-data/proposals";
import { SCENARIOS, currentScenarioValues } from "./seed-data/scenarios";
import type { SeedScenario, SeedVendor } from "./seed-data/types";
import { VENDORS } from "./seed-data/vendors";

// Proposals (揭榜申报) with their receipts, written straight to the database like the rest of the
// seed: the same canonical content and SHA-256 the submit command seals (receipt.ts), and the same
// eligibility check it runs, so a seeded proposal is one the platform itself could have taken in.

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type SeedContext = {
  now: Date;
  passwordHash: string;
  verifiedAt: Date;
  platformId: string;
  vendorIds: Map<string, string>;
  /** Vendor key → the member who writes its proposals (the demo logins' organisations have one already). */
  vendorUserIds: Map<string, string>;
};

export type ScenarioRow = {
  id: string; code: string; status: string; version: number; mechanism: "open_call" | "horse_race" | "directed"; raceTeams: number | null;
  deadline: Date; publishedAt: Date | null; closedAt: Date | null; departmentId: string; createdById: string; rubric: unknown;
  budgetMin: bigint | null; budgetMax: bigint | null; consortiumAllowed: boolean; consortiumMaxMembers: number;
  invitations: { orgId: string }[];
};

export type SeededProposal = {
  id: string; code: string; vendorKey: string; orgId: string; plan: SeedProposalPlan; seed: SeedScenario;
  budgetYuan: bigint; milestoneCount: number; consortium: { name: string; role: string }[]; submittedAt: Date | null;
};

// After evaluation the department's choice shows on the proposals: proposed (shortlisted) during
// award_proposed and the public notice, awarded from then on; everybody else is not selected.
const CHOSEN: Record<string, ProposalStatus> = { award_proposed: "shortlisted", notice: "shortlisted", awarded: "awarded", in_delivery: "awarded", completed: "awarded" };

/** The vendors chosen after evaluation: the strongest one, or raceTeams of them in a horse race. */
export function chosenVendors(scenario: { mechanism: string; raceTeams: number | null }, plans: SeedProposalPlan[]): Set<string> {
  const count = scenario.mechanism === "horse_race" ? (scenario.raceTeams ?? 1) : 1;
  return new Set([...plans].sort((a, b) => b.quality - a.quality).slice(0, count).map((p) => p.vendorKey));
}

function statusOf(scenario: ScenarioRow, chosen: boolean, open: "draft" | "submitted" | null): ProposalStatus {
  if (open) {
    if (scenario.status !== "published") throw new Error(`[seed] ${scenario.code} is not open for proposals`);
    return open;
  }
  if (scenario.status === "closed" || scenario.status === "evaluating") return "under_review";
  const decided = CHOSEN[scenario.status];
  if (!decided) throw new Error(`[seed] ${scenario.code}: no proposals in status ${scenario.status}`);
  return chosen ? decided : "not_selected";
}

/** Members for the proposing vendors that have none yet (their contact person, the demo password). */
async function proposalAuthors(db: PrismaClient, ctx: SeedContext, vendors: SeedVendor[]): Promise<Map<string, string>> {
  const missing = vendors.filter((v) => !ctx.vendorUserIds.has(v.key));
  const users = await db.user.createManyAndReturn({
    data: missing.map((v) => ({ email: v.contactEmail, name: v.contactName, passwordHash: ctx.passwordHash, emailVerifiedAt: ctx.verifiedAt })),
    select: { id: true, email: true },
  });
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  await db.membership.createMany({
    data: missing.map((v) => ({ userId: byEmail.get(v.contactEmail)!, orgId: ctx.vendorIds.get(v.key)!, role: "vendor_member" as const, title: "项目负责人" })),
  });
  return new Map([...ctx.vendorUserIds, ...missing.map((v) => [v.key, byEmail.get(v.contactEmail)!] as const)]);
}

export async function seedProposals(db: PrismaClient, ctx: SeedContext, scenarios: Map<string, ScenarioRow>): Promise<SeededProposal[]> {
  const seedByCode = new Map(SCENARIOS.map((s) => [s.code, currentScenarioValues(s)]));
  const vendorByKey = new Map(VENDORS.map((v) => [v.key, v]));
  const entries = [
    ...Object.entries(PROPOSALS_AFTER_CLOSE).flatMap(([code, plans]) => plans.map((plan, index) => ({ code, plan, index, open: null, plans }))),
    ...OPEN_PROPOSALS.map((plan) => {
      const index = OPEN_PROPOSALS.filter((p) => p.code === plan.code).indexOf(plan);
      return { code: plan.code, plan, index, open: plan.status, plans: [plan] };
    }),
  ];
  const authors = await proposalAuthors(db, ctx, [...new Set(entries.map((e) => e.plan.vendorKey))].map((k) => vendorByKey.get(k)!));

  const rows = entries.map(({ code, plan, index, open, plans }) => {
    const scenario = scenarios.get(code);
    const seed = seedByCode.get(code);
    const vendor = vendorByKey.get(plan.vendorKey);
    if (!scenario || !seed || !vendor) throw new Error(`[seed] unknown proposal ${code} / ${plan.vendorKey}`);
    const orgId = ctx.vendorIds.get(vendor.key)!;
    const consortium = plan.consortium ?? [];
    const proposal = {
      technicalApproach: technicalApproach(seed, vendor, plan), team: teamText(seed, vendor, plan), budgetRequest: budgetOf(seed, plan),
      milestones: milestones(seed, scenario.deadline), relevantCases: relevantCases(vendor), consortiumMembers: consortium,
    };
    const invited = scenario.invitations.some((i) => i.orgId === orgId);
    const issues = checkEligibility(proposal, scenario, { invited });
    if (issues.length > 0) throw new Error(`[seed] ${code} / ${vendor.key} is not eligible: ${issues.map((i) => i.key).join(", ")}`);

    // Written after the last amendment and handed in before the deadline (and before now).
    const lastAmendment = Math.max(0, ...(SCENARIOS.find((s) => s.code === code)!.amendments ?? []).map((a) => a.daysAfterPublish));
    const createdAt = new Date(scenario.publishedAt!.getTime() + (lastAmendment + 1 + index * 0.5) * DAY);
    const end = Math.min(scenario.deadline.getTime(), ctx.now.getTime()) - 2 * HOUR;
    const status = statusOf(scenario, chosenVendors(scenario, plans).has(plan.vendorKey), open);
    const submittedAt = status === "draft" ? null : new Date(createdAt.getTime() + (end - createdAt.getTime()) * (0.55 + 0.1 * index));
    if (createdAt.getTime() >= end) throw new Error(`[seed] ${code} / ${vendor.key}: no time to write the proposal`);
    return { code, plan, seed, scenario, vendorKey: vendor.key, orgId, authorId: authors.get(vendor.key)!, proposal, consortium, status, createdAt, submittedAt };
  });

  const created = await db.proposal.createManyAndReturn({
    data: rows.map((r) => ({
      scenarioId: r.scenario.id, orgId: r.orgId, status: r.status, version: r.submittedAt ? 2 : 1, ...r.proposal,
      scenarioVersionSeen: r.scenario.version, submittedAt: r.submittedAt, createdById: r.authorId, updatedById: r.authorId,
      createdAt: r.createdAt, updatedAt: r.submittedAt ?? r.createdAt,
    })),
    select: { id: true, scenarioId: true, orgId: true },
  });
  const idOf = new Map(created.map((p) => [`${p.scenarioId}/${p.orgId}`, p.id]));
  const withIds = rows.map((r) => ({ ...r, id: idOf.get(`${r.scenario.id}/${r.orgId}`)! }));

  const receipts = withIds.filter((r) => r.submittedAt).map((r) => {
    const content = proposalContent({ scenarioId: r.scenario.id, orgId: r.orgId, ...r.proposal, attachments: [] });
    return { r, content, digest: digestOf(content) };
  });
  await db.proposalSubmission.createMany({
    data: receipts.map(({ r, content, digest }) => ({ proposalId: r.id, number: 1, digest, content, submittedAt: r.submittedAt!, submittedById: r.authorId })),
  });
  // The proposal's history as the commands would have written it (typed data: audit-events.ts).
  await db.auditEvent.createMany({
    data: [
      ...withIds.map((r) => ({ actorId: r.authorId, action: "proposal.create", entityType: "proposal", entityId: r.id, orgId: r.orgId, at: r.createdAt, data: { scenarioId: r.scenario.id } })),
      ...receipts.map(({ r, digest }) => ({ actorId: r.authorId, action: "proposal.submit", entityType: "proposal", entityId: r.id, orgId: r.orgId, at: r.submittedAt!, data: { number: 1, digest, from: "draft" } })),
      ...withIds.filter((r) => r.scenario.closedAt).map((r) => ({ actorId: null, action: "proposal.underReview", entityType: "proposal", entityId: r.id, orgId: r.orgId, at: r.scenario.closedAt!, data: { scenarioId: r.scenario.id } })),
    ],
  });
  return withIds.map((r) => ({
    id: r.id, code: r.code, vendorKey: r.vendorKey, orgId: r.orgId, plan: r.plan, seed: r.seed, budgetYuan: r.proposal.budgetRequest,
    milestoneCount: r.proposal.milestones.length, consortium: r.consortium, submittedAt: r.submittedAt,
  }));
}
