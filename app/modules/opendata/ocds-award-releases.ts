import { mergeParties, orgRef, partyOf, type PartyOrg } from "./ocds-parties";
import type { OcdsDecision, OcdsMilestoneRow, OcdsSource } from "./ocds-source.server";
import type { OcdsAward, OcdsContract, OcdsMilestone, OcdsParty, OcdsTender } from "./ocds-types";

// What happened after the call closed, as OCDS releases (docs/decisions/012-ocds-mapping.md):
//   award               — a notice is published (status pending), and when it ends final (status active)
//   awardCancellation   — an upheld objection sent the decision back (status cancelled)
//   contract            — delivery (挂帅) started: one contract per winning organisation
//   implementation      — a milestone was accepted (met) or fell overdue (notMet): the milestones as they stood then
//   contractTermination — the scenario was completed: contracts terminated (closed), the tender complete
// Each release states the whole process up to its date, like the tender releases.
// The award's value is the tender's value: the notice publishes the ranking, not the requested budgets,
// and the sealed proposals' figures must not leak through the export.

export type AfterTenderRelease = {
  id: string; date: Date; tag: string; tender: OcdsTender;
  parties: OcdsParty[]; awards: OcdsAward[]; contracts?: OcdsContract[];
};

const iso = (d: Date) => d.toISOString();

function awardOf(d: OcdsDecision, status: OcdsAward["status"], date: Date, tender: OcdsTender): OcdsAward {
  return {
    id: `award-${d.round}`, title: `${tender.title ?? tender.id} 第 ${d.round} 轮定标`, status, date: iso(date),
    ...(tender.value ? { value: tender.value } : {}), suppliers: d.winners.map(orgRef),
  };
}

/** accepted → met (dated by the decision), overdue → notMet, anything else (planned, submitted, returned) → scheduled; as of `at`. */
export function milestoneAsOf(m: OcdsMilestoneRow, contractId: string, at: Date): OcdsMilestone {
  const met = m.status === "accepted" && m.decidedAt != null && m.decidedAt <= at;
  const notMet = !met && m.status === "overdue" && m.dueAt <= at;
  return {
    id: `${contractId}-milestone-${m.position}`, title: m.name, type: "delivery", dueDate: iso(m.dueAt),
    ...(met ? { dateMet: iso(m.decidedAt!) } : {}), status: met ? "met" : notMet ? "notMet" : "scheduled",
  };
}

/** When a milestone's public status changed: its acceptance, or its due date once it is overdue. */
function milestoneEvent(m: OcdsMilestoneRow): Date | null {
  if (m.status === "accepted") return m.decidedAt;
  if (m.status === "overdue") return m.dueAt;
  return null;
}

/** `tender` is the tender as it stood when the call closed (with its number of tenderers). */
export function afterTenderReleases(source: OcdsSource, buyer: OcdsParty, tender: OcdsTender): AfterTenderRelease[] {
  const out: AfterTenderRelease[] = [];
  // Once a notice is out the call is over: the tender is complete.
  const closed: OcdsTender = { ...tender, status: "complete" };
  let suppliers: PartyOrg[] = [];
  const awards = new Map<string, OcdsAward>();
  const parties = () => mergeParties([buyer, ...suppliers.map((o) => partyOf(o, ["supplier"]))]);
  const push = (id: string, date: Date, tag: string, contracts?: OcdsContract[]) =>
    out.push({ id, date, tag, tender: closed, parties: parties(), awards: [...awards.values()], ...(contracts ? { contracts } : {}) });

  // A process delivered without a notice on the platform (an imported record): its award is dated at
  // the start of delivery and names the awarded organisations.
  const withoutNotice: OcdsDecision[] = source.awardedWithoutNotice.length && source.deliveryStartedAt
    ? [{ round: source.decisions.length + 1, status: "final", noticeStartsAt: source.deliveryStartedAt, finalisedAt: source.deliveryStartedAt, withdrawnAt: null, winners: source.awardedWithoutNotice }]
    : [];
  let final: OcdsDecision | null = null;
  for (const d of [...source.decisions, ...withoutNotice]) {
    suppliers = [...suppliers, ...d.winners.filter((w) => !suppliers.some((s) => s.id === w.id))];
    if (!withoutNotice.includes(d)) {
      awards.set(`award-${d.round}`, awardOf(d, "pending", d.noticeStartsAt, tender));
      push(`award-${d.round}-notice`, d.noticeStartsAt, "award");
    }
    if (d.status === "withdrawn" && d.withdrawnAt) {
      awards.set(`award-${d.round}`, awardOf(d, "cancelled", d.withdrawnAt, tender));
      push(`award-${d.round}-cancellation`, d.withdrawnAt, "awardCancellation");
    }
    if (d.status === "final" && d.finalisedAt) {
      awards.set(`award-${d.round}`, awardOf(d, "active", d.finalisedAt, tender));
      push(`award-${d.round}`, d.finalisedAt, "award");
      final = d;
    }
  }
  if (!final || !source.deliveryStartedAt) return out;

  const winners = final.winners;
  const contractsAt = (at: Date, status: OcdsContract["status"]): OcdsContract[] =>
    winners.map((w, i) => {
      const id = `contract-${i + 1}`;
      const milestones = source.milestones.filter((m) => m.orgId === w.id).map((m) => milestoneAsOf(m, id, at));
      return {
        id, awardID: `award-${final!.round}`, title: `${source.code} · ${w.name}`, status,
        period: { startDate: iso(source.deliveryStartedAt!), ...(source.completedAt && status === "terminated" ? { endDate: iso(source.completedAt) } : {}) },
        ...(milestones.length ? { implementation: { milestones } } : {}),
      };
    });
  push("contract", source.deliveryStartedAt, "contract", contractsAt(source.deliveryStartedAt, "active"));
  const events = [...new Set(source.milestones.map(milestoneEvent).filter((d): d is Date => d != null && d > source.deliveryStartedAt!).map((d) => d.getTime()))]
    .filter((t) => !source.completedAt || t <= source.completedAt.getTime())
    .sort((a, b) => a - b);
  for (const t of events) push(`implementation-${t}`, new Date(t), "implementation", contractsAt(new Date(t), "active"));
  if (source.completedAt) push("completion", source.completedAt, "contractTermination", contractsAt(source.completedAt, "terminated"));
  return out;
}
