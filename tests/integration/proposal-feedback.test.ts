import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { evaluatedScenario } from "../fixtures/award";
import { actorOf } from "../fixtures/evaluation-assign";
import { callLoader, cookieFor } from "../fixtures/route-calls";
import { createUser } from "../fixtures/users";

// 未中选反馈 on the vendor's own proposal page (issue 11 point 4): after the award is final, a
// not-selected (or reserve) vendor reads its score per criterion against the average and the
// evaluators' justifications, numbered and never named — the same figures as its mail. Not during
// the notice, not for the winner, and never another organisation's.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let awards: typeof import("../../app/modules/awards/award-commands.server");
let finalise: typeof import("../../app/modules/awards/finalise-award.server");
let feedback: typeof import("../../app/modules/awards/feedback.server");
let route: typeof import("../../app/routes/vendor.proposals.$scenarioCode");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  awards = await import("../../app/modules/awards/award-commands.server");
  finalise = await import("../../app/modules/awards/finalise-award.server");
  feedback = await import("../../app/modules/awards/feedback.server");
  route = await import("../../app/routes/vendor.proposals.$scenarioCode");
});
afterAll(() => cleanup?.());

type Feedback = {
  score: number | null; rank: number | null; of: number; shortlisted: boolean;
  criteria: { name: string; own: number | null; average: number | null; max: number }[];
  justifications: { evaluator: number; criterion: string; text: string }[];
};
type Page = { proposal: { id: string; status: string } | null; feedback: Feedback | null };

const PUBLISHED = new Date("2026-08-03T07:00:00Z");
const AFTER_END = new Date("2026-08-11T01:00:00Z");
const REMARK = "技术路线缺少汛期高峰并发压测数据，团队无同类城市级项目经验。";

describe("feedback on the vendor's proposal page", () => {
  it("appears only after the award is final, for the not-selected and the reserves, with their own figures against the average", async () => {
    const s = await evaluatedScenario(db);
    const officer = actorOf(s.officer, "officer");
    const key = { id: s.scenario.id, departmentId: s.department.id };
    const [winner, reserve, , loser] = s.proposals;
    // One evaluator explains the low score on the last proposal in their own words.
    const sheet = await db.scoreSheet.findFirstOrThrow({ where: { proposalId: loser!.id, assignmentId: s.evaluators[1]!.assignmentId }, select: { id: true } });
    await db.score.updateMany({ where: { sheetId: sheet.id, criterion: { position: 0 } }, data: { justification: REMARK } });

    await awards.proposeAward(officer, key, { winnerIds: [winner!.id], note: "" });
    await awards.publishNotice(officer, key, PUBLISHED);
    const url = `/vendor/proposals/${s.scenario.code}`;
    const params = { scenarioCode: s.scenario.code };
    const pageOf = async (userId: string, query = "") => {
      const outcome = await callLoader(route.loader, `${url}${query}`, params, await cookieFor(db, userId));
      expect(outcome.status).toBe(200);
      return outcome.body as Page;
    };

    // During the notice: nothing beyond the public notice, not even the vendor's own scores.
    const during = await pageOf(loser!.member.id);
    expect(during.proposal?.status).toBe("not_selected");
    expect(during.feedback).toBeNull();

    expect(await finalise.finaliseAward((await db.awardDecision.findFirstOrThrow({ where: { scenarioId: s.scenario.id } })).id, AFTER_END)).toBe(true);

    const after = await pageOf(loser!.member.id);
    const fb = after.feedback!;
    expect(fb).not.toBeNull();
    expect(fb.shortlisted).toBe(false);
    // The fixture scores proposal i at (0.9 − 0.1·i) of each maximum: the loser at 0.6, the four
    // proposals at 0.75 on average.
    expect(fb.criteria.map((c) => [c.name, c.own, c.average, c.max])).toEqual(
      s.criteria.map((c) => [c.name, Math.round(c.maxScore * 0.6 * 100) / 100, Math.round(c.maxScore * 0.75 * 100) / 100, c.maxScore]),
    );
    expect([fb.rank, fb.of]).toEqual([4, 4]);
    // The same figures as the not-selected mail: one computation, feedback.server.ts.
    const { shortlisted, ...figures } = fb;
    expect(shortlisted).toBe(false);
    expect(figures).toEqual(JSON.parse(JSON.stringify((await feedback.feedbackByProposal(s.scenario.id)).get(loser!.id))));
    // Justifications are numbered, never named.
    expect(fb.justifications).toContainEqual({ evaluator: 2, criterion: s.criteria[0]!.name, text: REMARK });
    const names = (await db.evaluationAssignment.findMany({ where: { scenarioId: s.scenario.id }, select: { evaluator: { select: { name: true, email: true } } } })).flatMap((a) => [a.evaluator.name, a.evaluator.email]);
    const shown = JSON.stringify(after.feedback);
    for (const name of names) expect(shown).not.toContain(name);

    // A reserve on the shortlist is told it was shortlisted; the winner gets no feedback section.
    expect((await pageOf(reserve!.member.id)).feedback).toMatchObject({ shortlisted: true, rank: 2 });
    expect((await pageOf(winner!.member.id)).feedback).toBeNull();
  });

  it("never shows another organisation's feedback: the page is always the reader's own organisation's", async () => {
    const s = await evaluatedScenario(db);
    const officer = actorOf(s.officer, "officer");
    const key = { id: s.scenario.id, departmentId: s.department.id };
    await awards.proposeAward(officer, key, { winnerIds: [s.proposals[0]!.id], note: "" });
    await awards.publishNotice(officer, key, PUBLISHED);
    await finalise.finaliseAward((await db.awardDecision.findFirstOrThrow({ where: { scenarioId: s.scenario.id } })).id, AFTER_END);
    const loser = s.proposals[3]!;
    const url = `/vendor/proposals/${s.scenario.code}`;
    const params = { scenarioCode: s.scenario.code };

    // A vendor of another organisation, even naming the loser's organisation in ?org=, reads its own
    // (empty) page: no proposal, no feedback.
    const outsider = await createUser(db, "vendor");
    const cookie = await cookieFor(db, outsider.id);
    for (const query of ["", `?org=${loser.org.id}`]) {
      const page = (await callLoader(route.loader, `${url}${query}`, params, cookie)).body as Page;
      expect(page.proposal, query).toBeNull();
      expect(page.feedback, query).toBeNull();
    }
    // The module itself finds a proposal only by organisation and scenario together.
    expect(await feedback.ownFeedback(outsider.orgId, s.scenario.id)).toBeNull();
    expect(await feedback.ownFeedback(loser.org.id, s.scenario.id)).not.toBeNull();
    // An officer is not a vendor member: refused before any data is read.
    expect((await callLoader(route.loader, url, params, await cookieFor(db, s.officer.id))).status).toBe(403);
    // An unknown scenario code is 404, as before.
    expect((await callLoader(route.loader, "/vendor/proposals/ZZ-1999-0001", { scenarioCode: "ZZ-1999-0001" }, cookie)).status).toBe(404);
  });
});
