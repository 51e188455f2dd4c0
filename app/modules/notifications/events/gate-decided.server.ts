import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { scenarioHeadSelect, scenarioTitle } from "./scenario-head.server";

type Team = { orgId: string; orgName: string; continues: boolean; reason: string };

async function loadGateDecision(gateId: string) {
  const gate = await db.stageGate.findUnique({
    where: { id: gateId },
    select: {
      id: true, name: true, decidedAt: true, scenario: { select: scenarioHeadSelect },
      outcomes: { select: { continues: true, reason: true, proposal: { select: { orgId: true, org: { select: { name: true } } } } } },
    },
  });
  if (!gate?.decidedAt) return null;
  const teams = gate.outcomes.map((o) => ({ orgId: o.proposal.orgId, orgName: o.proposal.org.name, continues: o.continues, reason: o.reason }));
  const members = await db.membership.findMany({
    where: { role: "vendor_member", orgId: { in: teams.map((t) => t.orgId) } }, select: { userId: true, orgId: true },
  });
  return { ...gate, teams, teamOfUser: new Map<string, Team>(members.map((m) => [m.userId, teams.find((t) => t.orgId === m.orgId)!])) };
}

/**
 * A horse-race gate was decided: every team of that gate (its vendor members) hears whether it goes
 * on, with the department's reason. Which team a reader belongs to is read from their memberships.
 */
export const gateDecided = defineEvent({
  event: "gate.decided",
  load: loadGateDecision,
  audience: (g) => ({ memberships: { some: { role: "vendor_member", orgId: { in: g.teams.map((t) => t.orgId) } } } }),
  link: (g) => `/scenarios/${g.scenario.code}#gates`,
  data: (g) => ({ gateId: g.id, scenarioId: g.scenario.id }),
  notification: {
    title: "dl.nt.gate.title",
    body: "dl.nt.gate.body",
    vars: (g, { locale, recipient, t }) => {
      const team = g.teamOfUser.get(recipient.id);
      return { title: scenarioTitle(g.scenario, locale), gate: g.name, result: t(team?.continues ? "dl.gate.continues" : "dl.gate.stops"), reason: team?.reason ?? "" };
    },
  },
  mail: {
    template: "gate-decision",
    props: (g, { locale, recipient }) => {
      const team = g.teamOfUser.get(recipient.id);
      return {
        orgName: team?.orgName ?? "", scenarioTitle: scenarioTitle(g.scenario, locale), scenarioCode: g.scenario.code, gate: g.name,
        advanced: team?.continues ?? false, reason: team?.reason ?? "", url: `${appUrl()}/scenarios/${g.scenario.code}#gates`,
      };
    },
  },
});
