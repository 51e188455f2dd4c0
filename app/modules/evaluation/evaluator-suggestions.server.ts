import { db } from "~/utils/db.server";
import type { ConflictReason } from "./conflicts";
import { precheckMany } from "./conflict-precheck.server";
import { partiesOf } from "./conflict-parties.server";
import { loadOf, poolMemberWhere } from "./evaluator-pool.server";
import { proposalLabels } from "./proposal-labels.server";
import { compareSuggestions, scoreSuggestion, type SuggestionScore } from "./suggestion-score";

export type Suggestion = { userId: string; name: string; title: string; score: SuggestionScore };

/** A detected reason as the department reads it: which proposal, the expert's organisation, the party it touches. */
export type ExclusionReason = { proposalLabel: string; kind: ConflictReason["kind"]; orgName: string; partyName: string; link: string | null };
export type Exclusion = { userId: string; name: string; title: string; reasons: ExclusionReason[] };

export const MAX_SUGGESTIONS = 30;

/**
 * The pool experts for one scenario, ranked by fit and load (suggestion-score.ts). Experts already
 * assigned (in any status) are left out; experts the pre-check finds conflicted on any proposal
 * under review are not suggested but listed apart, each with the reasons.
 */
export async function suggestEvaluators(scenarioId: string, now = new Date()): Promise<{ suggestions: Suggestion[]; excluded: Exclusion[] }> {
  const scenario = await db.scenario.findUniqueOrThrow({
    where: { id: scenarioId }, select: { sector: true, techTags: true, title: true, summary: true, kpis: true },
  });
  const experts = await db.user.findMany({
    where: { ...poolMemberWhere, assignments: { none: { scenarioId } } },
    select: { id: true, name: true, evaluatorProfile: { select: { title: true, expertise: true, sectors: true, techTags: true, maxConcurrent: true } } },
    orderBy: { id: "asc" },
  });
  const ids = experts.map((e) => e.id);
  const [loads, prechecks, parties, labels] = await Promise.all([loadOf(ids), precheckMany(scenarioId, ids, now), partiesOf({ scenarioId }), proposalLabels(scenarioId)]);
  const partyNames = new Map(parties.map((p) => [p.proposalId, p.names]));

  const suggestions: Suggestion[] = [];
  const excluded: Exclusion[] = [];
  for (const e of experts) {
    const profile = e.evaluatorProfile!;
    const check = prechecks.get(e.id);
    if (check?.conflicted) {
      excluded.push({
        userId: e.id, name: e.name, title: profile.title,
        reasons: check.proposals.flatMap((p) => p.reasons.map((r) => {
          const names = partyNames.get(p.proposalId) ?? {};
          const partyId = r.kind === "linked_org" ? r.viaOrgId : r.orgId;
          return {
            proposalLabel: labels.get(p.proposalId) ?? "?", kind: r.kind, orgName: r.orgName,
            partyName: names[partyId] ?? r.orgName, link: r.kind === "linked_org" ? r.link : null,
          };
        })),
      });
      continue;
    }
    const score = scoreSuggestion(scenario, profile, { active: loads.get(e.id) ?? 0, maxConcurrent: profile.maxConcurrent });
    suggestions.push({ userId: e.id, name: e.name, title: profile.title, score });
  }
  suggestions.sort(compareSuggestions);
  excluded.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return { suggestions: suggestions.slice(0, MAX_SUGGESTIONS), excluded };
}
