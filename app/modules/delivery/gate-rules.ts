/**
 * 赛马 stage gates as rules. Pure, so the unit tests pin them:
 * - gates are decided in order; a gate is open to a decision once its date has come or every
 *   continuing team has reported;
 * - every team still in the race gets a decision with a written reason;
 * - exactly the declared number of teams continues (fewer only if fewer teams are left); at least one;
 * - a new gate comes after the last one in time and lets fewer teams continue than the one before.
 */
export type GateFacts = { id: string; position: number; dueAt: Date; continuing: number; decidedAt: Date | null };
export type TeamDecision = { proposalId: string; continues: boolean; reason: string };
export type GateIssue =
  | "dl.gate.notNext" | "dl.gate.decided" | "dl.gate.tooEarly" | "dl.gate.missingTeam" | "dl.gate.unknownTeam"
  | "dl.gate.reasonShort" | "dl.gate.count" | "dl.gate.order" | "dl.gate.narrowing";

export const REASON_MIN = 4;

/** The gate that may be decided next: the first undecided one. */
export function nextGate<G extends GateFacts>(gates: readonly G[]): G | null {
  return [...gates].sort((a, b) => a.position - b.position).find((g) => !g.decidedAt) ?? null;
}

/** How many teams continue past `gate` when `alive` are still in the race. */
export function continuingCount(gate: Pick<GateFacts, "continuing">, alive: number): number {
  return Math.min(gate.continuing, alive);
}

export function checkDownSelection(
  gates: readonly GateFacts[],
  gateId: string,
  aliveTeams: readonly string[],
  reportedTeams: readonly string[],
  decisions: readonly TeamDecision[],
  now: Date,
): GateIssue[] {
  const gate = gates.find((g) => g.id === gateId);
  if (!gate || gate.decidedAt) return ["dl.gate.decided"];
  if (nextGate(gates)?.id !== gate.id) return ["dl.gate.notNext"];
  const everyoneReported = aliveTeams.every((t) => reportedTeams.includes(t));
  const issues: GateIssue[] = [];
  if (now.getTime() < gate.dueAt.getTime() && !everyoneReported) issues.push("dl.gate.tooEarly");
  const byTeam = new Map(decisions.map((d) => [d.proposalId, d]));
  if (decisions.some((d) => !aliveTeams.includes(d.proposalId))) issues.push("dl.gate.unknownTeam");
  if (aliveTeams.some((t) => !byTeam.has(t))) issues.push("dl.gate.missingTeam");
  if (decisions.some((d) => d.reason.trim().length < REASON_MIN)) issues.push("dl.gate.reasonShort");
  const continuing = decisions.filter((d) => d.continues && aliveTeams.includes(d.proposalId)).length;
  if (continuing !== continuingCount(gate, aliveTeams.length) || continuing < 1) issues.push("dl.gate.count");
  return issues;
}

/** A gate to be declared after the existing ones: later in time and narrower. */
export function checkNewGate(gates: readonly GateFacts[], teams: number, gate: { dueAt: Date; continuing: number }): GateIssue[] {
  const last = [...gates].sort((a, b) => a.position - b.position).at(-1);
  const issues: GateIssue[] = [];
  if (last && gate.dueAt.getTime() <= last.dueAt.getTime()) issues.push("dl.gate.order");
  const ceiling = last ? last.continuing : teams;
  if (gate.continuing >= ceiling) issues.push("dl.gate.narrowing");
  return issues;
}
