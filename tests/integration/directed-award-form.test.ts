import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { evaluatedScenario } from "../fixtures/award";
import { actorOf } from "../fixtures/evaluation-assign";
import { callAction, cookieFor } from "../fixtures/route-calls";

// A 定向委托 call could never be awarded while the scenario form had no pass mark. Here the pass mark
// goes in through the create form's route action, and the award rules read what the form saved:
// the invited organisation is awarded at the mark and refused just below it.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let awards: typeof import("../../app/modules/awards/award-commands.server");
let newRoute: typeof import("../../app/routes/department.scenarios.new");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  awards = await import("../../app/modules/awards/award-commands.server");
  newRoute = await import("../../app/routes/department.scenarios.new");
});
afterAll(() => cleanup?.());

function directedForm(invitedOrgId: string, passMark: string | null): Record<string, string> {
  const deadline = new Date(Date.now() + 40 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  return {
    title: "定向委托：水库水位预测", summary: "邀请单位完成水位预测模型", description: "## 需求\n\n72 小时水位预测。",
    sector: "disaster_prevention", mechanism: "directed", invitedOrgIds: invitedOrgId, district: "zhengdong",
    needType: "demo_application", contactName: "王工", contactPhone: "0371-60000000", contactEmail: "water@test.example.cn",
    deadline, "rubric[0].criterion": "技术方案", "rubric[0].weight": "100", "rubric[0].maxScore": "10",
    noticeDays: "10", objectionContact: "市数据局 0371-67180000", showEvaluatorNames: "on",
    ...(passMark === null ? {} : { passMark }),
  };
}

describe("a directed call's pass mark, set through the scenario form", () => {
  it("is required by the form, saved with the notice settings, and decides the award at the mark", async () => {
    // Proposal i totals 90 − 10·i: the invited organisation (proposal 1) scores 80.
    const s = await evaluatedScenario(db);
    const invited = s.proposals[1]!;
    const cookie = await cookieFor(db, s.officer.id);
    const create = (passMark: string | null) => callAction(newRoute.action, "/department/scenarios/new", {}, directedForm(invited.org.id, passMark), cookie);

    const missing = await create(null);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain("sv.passMarkRequired");

    const saved = async (passMark: string) => {
      const before = await db.scenario.count({ where: { departmentId: s.department.id } });
      expect((await create(passMark)).status).toBe(302);
      expect(await db.scenario.count({ where: { departmentId: s.department.id } })).toBe(before + 1);
      return db.scenario.findFirstOrThrow({
        where: { departmentId: s.department.id, mechanism: "directed", passMark: Number(passMark) },
        select: { mechanism: true, passMark: true, noticeDays: true, objectionContact: true, showEvaluatorNames: true, invitations: { select: { orgId: true } } },
      });
    };
    const above = await saved("80");
    const below = await saved("80.5");
    expect(above).toMatchObject({ mechanism: "directed", passMark: 80, noticeDays: 10, objectionContact: "市数据局 0371-67180000", showEvaluatorNames: true });
    expect(above.invitations.map((i) => i.orgId)).toEqual([invited.org.id]);

    // The evaluated call takes the settings exactly as the form stored them.
    const apply = async (settings: typeof above) => {
      await db.scenarioInvitation.deleteMany({ where: { scenarioId: s.scenario.id } });
      await db.scenario.update({
        where: { id: s.scenario.id },
        data: {
          mechanism: settings.mechanism, passMark: settings.passMark, noticeDays: settings.noticeDays,
          invitations: { create: settings.invitations.map((i) => ({ orgId: i.orgId })) },
        },
      });
    };
    const officer = actorOf(s.officer, "officer");
    const key = { id: s.scenario.id, departmentId: s.department.id };
    const propose = () => awards.proposeAward(officer, key, { winnerIds: [invited.id], note: "" });

    await apply(below);
    await expect(propose()).rejects.toMatchObject({ status: 422, message: "aw.v.belowPassMark" });

    await apply(above);
    const decision = await propose();
    expect(decision).toBeTruthy();
    const stored = await db.awardDecision.findFirstOrThrow({ where: { scenarioId: s.scenario.id }, select: { winnerIds: true, noticeDays: true } });
    expect(stored).toEqual({ winnerIds: [invited.id], noticeDays: 10 });
  });
});
