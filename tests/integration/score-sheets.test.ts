import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { drainEvents } from "../fixtures/drain-events";
import { JUSTIFICATION, addEvaluator, addProposal, createEvaluationScenario, declare, writeSheet } from "../fixtures/evaluation";
import { callAction, callLoader, cookieFor } from "../fixtures/route-calls";
import { createUser, uniqueSuffix } from "../fixtures/users";

// Scoring at the route and service level: a locked sheet never changes, an evaluator without access
// gets 404 and nothing changes, other evaluators' scores never reach an evaluator, reopening is the
// department's, audited and announced.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let page: typeof import("../../app/routes/evaluator.assignments.$assignmentId.proposals.$proposalId");
let summaryRoute: typeof import("../../app/routes/department.scenarios.$id_.evaluation.summary");
let sheets: typeof import("../../app/modules/evaluation/score-sheet.server");
let access: typeof import("../../app/modules/evaluation/evaluation-access.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  page = await import("../../app/routes/evaluator.assignments.$assignmentId.proposals.$proposalId");
  summaryRoute = await import("../../app/routes/department.scenarios.$id_.evaluation.summary");
  sheets = await import("../../app/modules/evaluation/score-sheet.server");
  access = await import("../../app/modules/evaluation/evaluation-access.server");
});
afterAll(() => cleanup?.());

type Setup = Awaited<ReturnType<typeof setup>>;

async function setup(options: { blind?: boolean } = {}) {
  const ctx = await createEvaluationScenario(db, options);
  const proposal = await addProposal(db, ctx.scenario.id);
  const evaluator = await addEvaluator(db, ctx.scenario.id, ctx.officer.id);
  await declare(db, evaluator.assignmentId, proposal.id);
  return { ...ctx, proposal, evaluator };
}

const pathOf = (assignmentId: string, proposalId: string) => `/evaluator/assignments/${assignmentId}/proposals/${proposalId}`;

/** The score form as the browser posts it. */
function sheetFields(s: Setup, values: (number | "")[], options: { intent?: string; version?: number; justification?: string; comment?: string } = {}) {
  const fields: Record<string, string> = { intent: options.intent ?? "save", version: String(options.version ?? 0), comment: options.comment ?? "" };
  s.criteria.forEach((c, i) => {
    fields[`scores[${i}].criterionId`] = c.id;
    fields[`scores[${i}].value`] = String(values[i] ?? "");
    fields[`scores[${i}].justification`] = options.justification ?? JUSTIFICATION;
  });
  return fields;
}

async function postSheet(s: Setup, userId: string, fields: Record<string, string>, ids = { assignmentId: s.evaluator.assignmentId, proposalId: s.proposal.id }) {
  return callAction(page.action, pathOf(ids.assignmentId, ids.proposalId), ids, fields, await cookieFor(db, userId));
}

async function loadPage(userId: string, assignmentId: string, proposalId: string) {
  return callLoader(page.loader, pathOf(assignmentId, proposalId), { assignmentId, proposalId }, await cookieFor(db, userId));
}

async function sheetState(sheetId: string) {
  return db.scoreSheet.findUniqueOrThrow({
    where: { id: sheetId },
    select: { status: true, version: true, comment: true, submittedAt: true, updatedAt: true, scores: { select: { criterionId: true, value: true, justification: true }, orderBy: { criterionId: "asc" } } },
  });
}

describe("a submitted sheet is locked", () => {
  it("saves drafts (autosave unaudited), submits, then refuses every replayed post with 409 and changes nothing", async () => {
    const s = await setup();
    const user = s.evaluator.user.id;
    expect((await postSheet(s, user, sheetFields(s, [7.5, "", ""], { justification: "初步意见" }))).status).toBe(302);
    const sheet = await db.scoreSheet.findFirstOrThrow({ where: { assignmentId: s.evaluator.assignmentId, proposalId: s.proposal.id } });
    expect(sheet).toMatchObject({ status: "draft", version: 1 });

    const autosave = await postSheet(s, user, sheetFields(s, [8, 4, ""], { intent: "autosave", version: 1 }));
    expect(autosave).toMatchObject({ status: 200, body: { ok: true, version: 2 } });
    expect(await db.auditEvent.count({ where: { entityId: sheet.id, action: "evaluation.sheet_save" } })).toBe(1);

    const submit = sheetFields(s, [8, 4, 15], { intent: "submit", version: 2, comment: "总体可行。" });
    expect((await postSheet(s, user, submit)).status).toBe(302);
    const locked = await sheetState(sheet.id);
    // The submission saves what was typed (version 3) and locks it (version 4).
    expect(locked).toMatchObject({ status: "submitted", version: 4, comment: "总体可行。" });
    expect(locked.scores.map((x) => x.value).sort()).toEqual([15, 4, 8].sort());
    const submitted = await db.auditEvent.findFirstOrThrow({ where: { entityId: sheet.id, action: "evaluation.sheet_submit" } });
    // 8/10·50 + 4/5·30 + 15/20·20 = 40 + 24 + 15
    expect(submitted.data).toMatchObject({ proposalId: s.proposal.id, scenarioId: s.scenario.id, total: 79 });
    expect(submitted.actorId).toBe(user);

    for (const fields of [
      submit, // the same post again
      sheetFields(s, [1, 1, 1], { intent: "submit", version: 4 }),
      sheetFields(s, [1, 1, 1], { intent: "save", version: 4 }),
      sheetFields(s, [1, "", ""], { intent: "autosave", version: 4 }),
      sheetFields(s, [1, "", ""], { intent: "save", version: 0 }),
    ]) {
      const replay = await postSheet(s, user, fields);
      expect(replay.status).toBe(409);
    }
    const replayed = await postSheet(s, user, sheetFields(s, [1, 1, 1], { intent: "save", version: 4 }));
    expect(JSON.stringify(replayed.body)).toContain("es.locked");
    expect(await sheetState(sheet.id)).toEqual(locked);
    await expect(sheets.saveSheet({ id: user }, { assignmentId: s.evaluator.assignmentId, proposalId: s.proposal.id }, 4, { comment: "", scores: [] })).rejects.toMatchObject({ status: 409 });
    expect(await db.auditEvent.count({ where: { entityId: sheet.id } })).toBe(2);
  });

  it("an incomplete submission comes back with every problem at once, and nothing is submitted or saved", async () => {
    const s = await setup();
    const fields = sheetFields(s, [11, "", 3], { intent: "submit", justification: "太短" });
    const result = await postSheet(s, s.evaluator.user.id, fields);
    expect(result.status).toBe(400);
    const errors = (result.body as { result: { error: Record<string, string[]> } }).result.error;
    expect(errors["scores[0].value"]).toEqual(["es.v.scoreRange@10"]);
    expect(errors["scores[1].value"]).toEqual(["es.v.scoreRequired"]);
    for (const i of [0, 1, 2]) expect(errors[`scores[${i}].justification`]).toEqual(["es.v.justificationShort@20"]);
    // What was typed comes back.
    expect((result.body as { result: { initialValue: Record<string, unknown> } }).result.initialValue).toMatchObject({ scores: [{ value: "11" }, {}, { value: "3" }] });
    expect(await db.scoreSheet.count({ where: { proposalId: s.proposal.id } })).toBe(0);
  });

  it("of two submissions racing on one version, one wins and the other gets 409", async () => {
    const s = await setup();
    const key = { assignmentId: s.evaluator.assignmentId, proposalId: s.proposal.id };
    const actor = { id: s.evaluator.user.id };
    await sheets.saveSheet(actor, key, 0, { comment: "", scores: [] });
    const full = { comment: "", scores: s.criteria.map((c) => ({ criterionId: c.id, value: 1, justification: JUSTIFICATION })) };
    const outcomes = await Promise.allSettled([sheets.submitSheet(actor, key, 1, full), sheets.submitSheet(actor, key, 1, full)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await db.auditEvent.count({ where: { action: "evaluation.sheet_submit", data: { path: ["proposalId"], equals: s.proposal.id } } })).toBe(1);
  });

  it("once an award is proposed, sheets no longer change", async () => {
    const s = await setup();
    await db.scenario.update({ where: { id: s.scenario.id }, data: { status: "award_proposed" } });
    const result = await postSheet(s, s.evaluator.user.id, sheetFields(s, [5, 5, 5]));
    expect(result.status).toBe(409);
    expect(JSON.stringify(result.body)).toContain("es.scoringClosed");
    expect(await db.scoreSheet.count({ where: { proposalId: s.proposal.id } })).toBe(0);
  });
});

describe("only the evaluator's own accepted, declared, unconflicted assignment opens a proposal", () => {
  it("everyone else gets 404 from the page, the post and mayReadProposal, and nothing changes", async () => {
    const s = await setup();
    const other = await addProposal(db, s.scenario.id);
    const stranger = await createUser(db, "evaluator");
    const invited = await addEvaluator(db, s.scenario.id, s.officer.id, { status: "invited" });
    await declare(db, invited.assignmentId, s.proposal.id);
    const declined = await addEvaluator(db, s.scenario.id, s.officer.id, { status: "declined" });
    await declare(db, declined.assignmentId, s.proposal.id);
    const undeclared = await addEvaluator(db, s.scenario.id, s.officer.id);
    const conflicted = await addEvaluator(db, s.scenario.id, s.officer.id);
    await declare(db, conflicted.assignmentId, s.proposal.id, { conflicted: true });
    // Assigned elsewhere: that assignment's id does not reach this scenario's proposal.
    const elsewhere = await createEvaluationScenario(db);
    const foreign = await addEvaluator(db, elsewhere.scenario.id, elsewhere.officer.id);
    // A proposal that never reached review (withdrawn before the deadline) is not readable even when declared.
    const withdrawn = await addProposal(db, s.scenario.id, { status: "withdrawn" });
    await declare(db, s.evaluator.assignmentId, withdrawn.id);

    const cases: { who: string; userId: string; assignmentId: string; proposalId: string }[] = [
      { who: "an evaluator with no assignment, using someone else's", userId: stranger.id, assignmentId: s.evaluator.assignmentId, proposalId: s.proposal.id },
      { who: "the owner of the assignment, on a proposal they did not declare on", userId: s.evaluator.user.id, assignmentId: s.evaluator.assignmentId, proposalId: other.id },
      { who: "an invited (not yet accepted) evaluator", userId: invited.user.id, assignmentId: invited.assignmentId, proposalId: s.proposal.id },
      { who: "an evaluator who declined", userId: declined.user.id, assignmentId: declined.assignmentId, proposalId: s.proposal.id },
      { who: "an evaluator who has not declared", userId: undeclared.user.id, assignmentId: undeclared.assignmentId, proposalId: s.proposal.id },
      { who: "a conflicted evaluator", userId: conflicted.user.id, assignmentId: conflicted.assignmentId, proposalId: s.proposal.id },
      { who: "an evaluator of another scenario", userId: foreign.user.id, assignmentId: foreign.assignmentId, proposalId: s.proposal.id },
      { who: "the assigned evaluator, on a withdrawn proposal", userId: s.evaluator.user.id, assignmentId: s.evaluator.assignmentId, proposalId: withdrawn.id },
      { who: "anyone, with an unknown id", userId: s.evaluator.user.id, assignmentId: s.evaluator.assignmentId, proposalId: "nope" },
    ];
    const before = await db.scoreSheet.count();
    for (const c of cases) {
      expect((await loadPage(c.userId, c.assignmentId, c.proposalId)).status, c.who).toBe(404);
      const ids = { assignmentId: c.assignmentId, proposalId: c.proposalId };
      expect((await postSheet(s, c.userId, sheetFields(s, [5, 5, 5], { intent: "submit" }), ids)).status, c.who).toBe(404);
    }
    for (const userId of [stranger.id, invited.user.id, declined.user.id, undeclared.user.id, conflicted.user.id, foreign.user.id]) {
      expect(await access.mayReadProposal(userId, s.proposal.id)).toBe(false);
    }
    expect(await access.mayReadProposal(s.evaluator.user.id, withdrawn.id)).toBe(false);
    expect(await db.scoreSheet.count()).toBe(before);

    // Not an evaluator at all (the vendor, the officer): 403 before any lookup.
    for (const userId of [s.proposal.member.id, s.officer.id]) expect((await loadPage(userId, s.evaluator.assignmentId, s.proposal.id)).status).toBe(403);
    // The rightful evaluator reads it; an admin's written override clears a detected conflict.
    expect((await loadPage(s.evaluator.user.id, s.evaluator.assignmentId, s.proposal.id)).status).toBe(200);
    const admin = await createUser(db, "admin");
    await db.conflictDeclaration.update({ where: { assignmentId_proposalId: { assignmentId: conflicted.assignmentId, proposalId: s.proposal.id } }, data: { overriddenById: admin.id, overrideReason: "已核实无关联" } });
    expect(await access.mayReadProposal(conflicted.user.id, s.proposal.id)).toBe(true);
    expect((await loadPage(conflicted.user.id, conflicted.assignmentId, s.proposal.id)).status).toBe(200);
  });
});

describe("evaluators never see each other's scores", () => {
  it("neither before nor after submitting their own: another's sheet is not in the page data", async () => {
    const s = await setup();
    const marker = `甲专家意见-${uniqueSuffix()}`;
    const first = s.evaluator;
    const second = await addEvaluator(db, s.scenario.id, s.officer.id);
    await declare(db, second.assignmentId, s.proposal.id);
    const firstSheet = await writeSheet(db, first.assignmentId, s.proposal.id, Object.fromEntries(s.criteria.map((c) => [c.id, c.maxScore])), { justification: `${marker} 理由充分，论证严谨，数据完整可靠。`, comment: marker });

    const before = await loadPage(second.user.id, second.assignmentId, s.proposal.id);
    expect(before.status).toBe(200);
    const json = JSON.stringify(before.body);
    for (const leak of [marker, firstSheet.id, first.user.name, first.assignmentId]) expect(json).not.toContain(leak);
    expect((before.body as { sheet: unknown }).sheet).toBeNull();

    const submit = await postSheet(s, second.user.id, sheetFields(s, [3, 2, 5], { intent: "submit" }), { assignmentId: second.assignmentId, proposalId: s.proposal.id });
    expect(submit.status).toBe(302);
    const after = await loadPage(second.user.id, second.assignmentId, s.proposal.id);
    const afterJson = JSON.stringify(after.body);
    for (const leak of [marker, firstSheet.id, first.user.name]) expect(afterJson).not.toContain(leak);
    expect((after.body as { sheet: { status: string; scores: { value: number }[] } }).sheet).toMatchObject({ status: "submitted" });
    expect((after.body as { sheet: { scores: { value: number }[] } }).sheet.scores.map((x) => x.value).sort()).toEqual([2, 3, 5]);
    // The control: the first evaluator does see their own words.
    expect(JSON.stringify((await loadPage(first.user.id, first.assignmentId, s.proposal.id)).body)).toContain(marker);
  });
});

describe("reopening is the department's, with a reason, audited and announced", () => {
  it("an officer of the department reopens a submitted sheet; the evaluator is told why and may score again", async () => {
    const s = await setup();
    const sheet = await writeSheet(db, s.evaluator.assignmentId, s.proposal.id, Object.fromEntries(s.criteria.map((c) => [c.id, 1])));
    const url = `/department/scenarios/${s.scenario.id}/evaluation/summary`;
    const params = { id: s.scenario.id };
    const reason = "“技术方案”一项的理由与分值不一致，请核对后重新提交。";
    const form = { intent: "reopen", sheetId: sheet.id, reason };
    const unchanged = await sheetState(sheet.id);

    // Not the department: another department's officer and an admin are refused; nothing changes.
    const otherOfficer = await createUser(db, "officer");
    const admin = await createUser(db, "admin");
    expect((await callAction(summaryRoute.action, url, params, form, await cookieFor(db, otherOfficer.id))).status).toBe(403);
    expect((await callAction(summaryRoute.action, url, params, form, await cookieFor(db, admin.id))).status).toBe(403);
    expect((await callAction(summaryRoute.action, url, params, form, await cookieFor(db, s.evaluator.user.id))).status).toBe(403);
    // A sheet of another scenario named on this scenario's page: 404 from the service.
    const elsewhere = await setup();
    const foreignSheet = await writeSheet(db, elsewhere.evaluator.assignmentId, elsewhere.proposal.id, Object.fromEntries(elsewhere.criteria.map((c) => [c.id, 1])));
    expect((await callAction(summaryRoute.action, url, params, { ...form, sheetId: foreignSheet.id }, await cookieFor(db, s.officer.id))).status).toBe(404);
    // No reason, no reopening.
    const empty = await callAction(summaryRoute.action, url, params, { ...form, reason: "  " }, await cookieFor(db, s.officer.id));
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("es.v.reasonShort@10");
    // The command checks the reason itself too.
    const officerActor = { id: s.officer.id, memberships: [{ orgId: s.department.id, role: "officer" as const }] };
    await expect(sheets.reopenSheet(officerActor, sheet.id, "太短")).rejects.toMatchObject({ status: 400 });
    expect(await sheetState(sheet.id)).toEqual(unchanged);
    expect(await sheetState(foreignSheet.id)).toMatchObject({ status: "submitted" });

    const reopened = await callAction(summaryRoute.action, url, params, form, await cookieFor(db, s.officer.id));
    expect(reopened.status).toBe(302);
    expect(await db.scoreSheet.findUniqueOrThrow({ where: { id: sheet.id } })).toMatchObject({ status: "draft", reopenReason: reason, submittedAt: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: sheet.id, action: "evaluation.sheet_reopen" } });
    expect(audit).toMatchObject({ actorId: s.officer.id, entityType: "evaluation", orgId: s.department.id });
    expect(audit.data).toMatchObject({ reason, evaluatorId: s.evaluator.user.id, proposalId: s.proposal.id });
    // A second reopen of what is now a draft: 409.
    expect((await callAction(summaryRoute.action, url, params, form, await cookieFor(db, s.officer.id))).status).toBe(409);

    await drainEvents();
    const notice = await db.notification.findFirstOrThrow({ where: { userId: s.evaluator.user.id, kind: "evaluation.sheet_reopened" } });
    expect(notice.body).toContain(reason);
    expect(notice.link).toBe(pathOf(s.evaluator.assignmentId, s.proposal.id));
    const mail = await db.mail.findFirstOrThrow({ where: { to: s.evaluator.user.email, template: "score-sheet-reopened" } });
    expect(mail.text).toContain(reason);
    expect(mail.text).toContain(`http://jiebang.test${pathOf(s.evaluator.assignmentId, s.proposal.id)}`);

    // The evaluator sees the reason, and the sheet takes scores again.
    const again = await loadPage(s.evaluator.user.id, s.evaluator.assignmentId, s.proposal.id);
    expect((again.body as { sheet: { reopenReason: string; status: string; version: number } }).sheet).toMatchObject({ status: "draft", reopenReason: reason });
    const version = (again.body as { sheet: { version: number } }).sheet.version;
    expect((await postSheet(s, s.evaluator.user.id, sheetFields(s, [6, 3, 10], { intent: "submit", version }))).status).toBe(302);
    expect(await db.scoreSheet.findUniqueOrThrow({ where: { id: sheet.id } })).toMatchObject({ status: "submitted" });
  });
});
