import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rankProposals, type ProposalSheets } from "../../app/modules/evaluation/aggregate";
import { useAppDatabase } from "../setup/app-database";
import { JUSTIFICATION, addEvaluator, addProposal, createEvaluationScenario, declare, writeSheet } from "../fixtures/evaluation";
import { callLoader, cookieFor } from "../fixtures/route-calls";
import { createUser } from "../fixtures/users";

// The department's summary on a fixed data set: every number equals what aggregate.ts gives for the
// sheets that count (submitted, accepted, not conflicted), the progress and readiness follow the
// stated rules, and the downloads carry the same numbers under Chinese headers.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let summaries: typeof import("../../app/modules/evaluation/evaluation-summary.server");
let exporter: typeof import("../../app/modules/evaluation/score-export.server");
let sheets: typeof import("../../app/modules/evaluation/score-sheet.server");
let summaryRoute: typeof import("../../app/routes/department.scenarios.$id_.evaluation.summary");
let xlsxRoute: typeof import("../../app/routes/department.scenarios.$id_.evaluation.summary[.]xlsx");
let csvRoute: typeof import("../../app/routes/department.scenarios.$id_.evaluation.summary[.]csv");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  summaries = await import("../../app/modules/evaluation/evaluation-summary.server");
  exporter = await import("../../app/modules/evaluation/score-export.server");
  sheets = await import("../../app/modules/evaluation/score-sheet.server");
  summaryRoute = await import("../../app/routes/department.scenarios.$id_.evaluation.summary");
  xlsxRoute = await import("../../app/routes/department.scenarios.$id_.evaluation.summary[.]xlsx");
  csvRoute = await import("../../app/routes/department.scenarios.$id_.evaluation.summary[.]csv");
});
afterAll(() => cleanup?.());

// Scores as [技术方案 /10 (weight 50), 团队能力 /5 (30), 经费合理性 /20 (20)].
type Triple = [number, number, number];
const P1: Triple[] = [[10, 5, 20], [8, 4, 15], [7, 3, 10], [9, 4.5, 16], [2, 1, 4]]; // totals 100, 79, 63, 88, 20
const P2: Triple[] = [[8, 4, 15], [7, 4, 14], [8, 3.5, 15]]; // totals 79, 73, 76 → mean 76
const P3: Triple[] = [[7, 5, 15], [9, 3, 13], [8, 3, 14]]; // totals 80, 76, 72 → mean 76, ties with P2

async function fixedDataSet() {
  const ctx = await createEvaluationScenario(db);
  const day = 86_400_000;
  const proposals = [];
  for (const [i, name] of ["甲方智能科技有限公司", "乙方数据有限公司", "丙方研究院", "丁方信息技术有限公司"].entries()) {
    proposals.push(await addProposal(db, ctx.scenario.id, { orgName: name, submittedAt: new Date(Date.now() - (10 - i) * day) }));
  }
  const [p1, p2, p3, p4] = proposals as [typeof proposals[0], typeof proposals[0], typeof proposals[0], typeof proposals[0]];
  const evaluators = [];
  for (const [i, name] of ["王一", "王二", "王三", "王四", "王五"].entries()) {
    evaluators.push(await addEvaluator(db, ctx.scenario.id, ctx.officer.id, { name, dueAt: i === 1 ? new Date(Date.now() - day) : undefined }));
  }
  const [e1, e2, e3, e4, e5] = evaluators as [typeof evaluators[0], typeof evaluators[0], typeof evaluators[0], typeof evaluators[0], typeof evaluators[0]];
  for (const e of evaluators) for (const p of proposals) await declare(db, e.assignmentId, p.id, { conflicted: e === e5 && p === p2 });
  const ids = ctx.criteria.map((c) => c.id);
  const scores = (t: Triple) => Object.fromEntries(ids.map((id, i) => [id, t[i]!]));
  for (const [i, e] of evaluators.entries()) await writeSheet(db, e.assignmentId, p1.id, scores(P1[i]!));
  for (const [i, e] of [e1, e2, e3].entries()) {
    await writeSheet(db, e.assignmentId, p2.id, scores(P2[i]!));
    await writeSheet(db, e.assignmentId, p3.id, scores(P3[i]!), { justification: i === 0 ? "=HYPERLINK(\"http://evil.example\",\"点击\")，理由如上所述。" : JUSTIFICATION });
  }
  // Do not count: a draft, and a sheet on a proposal the evaluator declared a conflict on.
  await writeSheet(db, e4.assignmentId, p2.id, scores([0, 0, 0]), { status: "draft" });
  await writeSheet(db, e5.assignmentId, p2.id, scores([0, 0, 0]));
  // Invited: expected but nothing yet. Declined: out of the summary, and its sheet does not count.
  const invited = await addEvaluator(db, ctx.scenario.id, ctx.officer.id, { status: "invited", name: "赵受邀" });
  const declined = await addEvaluator(db, ctx.scenario.id, ctx.officer.id, { status: "declined", name: "钱拒绝" });
  await declare(db, declined.assignmentId, p1.id);
  await writeSheet(db, declined.assignmentId, p1.id, scores([0, 0, 0]));
  return { ...ctx, p1, p2, p3, p4, e1, e2, e3, e4, e5, invited, declined, scores };
}

type Data = Awaited<ReturnType<typeof fixedDataSet>>;
let data: Data;
let summary: Awaited<ReturnType<typeof summaries.getEvaluationSummary>>;

describe("the evaluation summary", () => {
  beforeAll(async () => {
    data = await fixedDataSet();
    summary = await summaries.getEvaluationSummary(data.scenario.id);
  });

  it("ranks with aggregate.ts over exactly the sheets that count", () => {
    const defs = data.criteria.map((c) => ({ id: c.id, weight: c.weight, maxScore: c.maxScore, position: c.position }));
    const sheetsOf = (triples: Triple[], evaluators: { user: { id: string } }[]) => triples.map((t, i) => ({ evaluatorId: evaluators[i]!.user.id, scores: data.scores(t) }));
    const expected = rankProposals(defs, [
      { proposalId: data.p1.id, sheets: sheetsOf(P1, [data.e1, data.e2, data.e3, data.e4, data.e5]) },
      { proposalId: data.p2.id, sheets: sheetsOf(P2, [data.e1, data.e2, data.e3]) },
      { proposalId: data.p3.id, sheets: sheetsOf(P3, [data.e1, data.e2, data.e3]) },
      { proposalId: data.p4.id, sheets: [] },
    ] satisfies ProposalSheets[]);
    expect(summary.results.map((r) => [r.proposalId, r.rank, r.score, r.method, r.spread])).toEqual(expected.map((r) => [r.proposalId, r.rank, r.score, r.method, r.spread]));
    for (const r of summary.results) {
      const e = expected.find((x) => x.proposalId === r.proposalId)!;
      expect(r.sheets.map((s) => [s.evaluatorId, s.total]).sort()).toEqual(e.sheetTotals.map((s) => [s.evaluatorId, s.total]).sort());
    }
    // The same numbers by hand: P1 trimmed (79 + 63 + 88) / 3; P2 and P3 tie at 76 and P3 wins on
    // 技术方案, the heaviest criterion (mean 8.0 vs 7.67); P4 has no sheet and no rank.
    expect(summary.results.map((r) => [r.label, r.orgName, r.rank, r.score, r.method, r.sheets.length])).toEqual([
      ["A", "甲方智能科技有限公司", 1, 76.67, "trimmed_mean", 5],
      ["C", "丙方研究院", 2, 76, "mean", 3],
      ["B", "乙方数据有限公司", 3, 76, "mean", 3],
      ["D", "丁方信息技术有限公司", null, null, "none", 0],
    ]);
    const a = summary.results[0]!;
    expect(a.spread).toEqual({ total: true, criteria: data.criteria.map((c) => c.id) });
    expect(summary.results[2]!.criterionMeans.map((m) => m.mean)).toEqual([7.67, 3.83, 14.67]);
    expect(summary.results[2]!.spread).toEqual({ total: false, criteria: [] });
    expect(summary.results[3]!.criterionMeans.map((m) => m.mean)).toEqual([null, null, null]);
  });

  it("shows each evaluator's progress: recusals not expected, drafts apart, overdue past the due date", () => {
    const byName = Object.fromEntries(summary.progress.map((p) => [p.evaluatorName, p]));
    expect(Object.keys(byName).sort()).toEqual(["王一", "王二", "王三", "王四", "王五", "赵受邀"].sort());
    expect(byName["王一"]).toMatchObject({ status: "accepted", expected: 4, submitted: 3, drafts: 0, conflicts: 0, overdue: false });
    expect(byName["王二"]).toMatchObject({ expected: 4, submitted: 3, overdue: true });
    expect(byName["王四"]).toMatchObject({ expected: 4, submitted: 1, drafts: 1 });
    expect(byName["王五"]).toMatchObject({ expected: 3, submitted: 1, conflicts: 1 });
    expect(byName["赵受邀"]).toMatchObject({ status: "invited", expected: 4, submitted: 0, done: false });
    expect(summary.ready).toBe(false);
    expect(summary.totals).toEqual({ proposals: 4, expected: 23, submitted: 11 });
  });

  it("the page states the rules with the constants of aggregate.ts, for the department and admins only", async () => {
    const url = `/department/scenarios/${data.scenario.id}/evaluation/summary`;
    const params = { id: data.scenario.id };
    const page = await callLoader(summaryRoute.loader, url, params, await cookieFor(db, data.officer.id));
    expect(page.status).toBe(200);
    const body = page.body as Awaited<ReturnType<typeof summaryRoute.loader>>;
    expect(body.rules).toEqual({ trimFrom: 5, spreadTotal: 20, spreadCriterionPct: 50 });
    expect(body.canReopen).toBe(true);
    expect(body.summary.results.map((r) => r.score)).toEqual([76.67, 76, 76, null]);
    const admin = await createUser(db, "admin");
    const asAdmin = await callLoader(summaryRoute.loader, url, params, await cookieFor(db, admin.id));
    expect(asAdmin.status).toBe(200);
    expect((asAdmin.body as typeof body).canReopen).toBe(false);
    for (const role of ["vendor", "evaluator", "officer"] as const) {
      const outsider = await createUser(db, role);
      for (const route of [summaryRoute.loader, xlsxRoute.loader, csvRoute.loader]) {
        expect((await callLoader(route, url, params, await cookieFor(db, outsider.id))).status).toBe(403);
      }
    }
    const anonymous = await callLoader(csvRoute.loader, `${url}.csv`, params);
    expect(anonymous.status).toBe(302);
    expect(anonymous.response!.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("downloads an .xlsx that parses back with the Chinese headers and the same numbers", async () => {
    const response = (await callLoader(xlsxRoute.loader, "/x.xlsx", { id: data.scenario.id }, await cookieFor(db, data.officer.id))).response!;
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(response.headers.get("Content-Disposition")!)![1]!)).toBe(`评分表-${data.scenario.code}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["评审结果", "全部评分"]);
    const rows = (name: string) => {
      const values: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const results = rows("评审结果");
    expect(results[0]).toEqual(["排名", "申报", "申报单位", "综合得分", "计算方法", "份数", "技术方案 平均分", "团队能力 平均分", "经费合理性 平均分", "分歧"]);
    expect(results.slice(1).map((r) => r.slice(0, 6))).toEqual([
      [1, "申报 A", "甲方智能科技有限公司", 76.67, "去掉最高、最低分后的平均分", 5],
      [2, "申报 C", "丙方研究院", 76, "平均分", 3],
      [3, "申报 B", "乙方数据有限公司", 76, "平均分", 3],
      // exceljs leaves empty cells out of row.values: no rank, no score.
      [undefined, "申报 D", "丁方信息技术有限公司", undefined, "暂无已提交的评分", 0],
    ]);
    expect(results[1]![9]).toBe("总分分歧；单项分歧：技术方案、团队能力、经费合理性");
    const scores = rows("全部评分");
    expect(scores[0]).toEqual(["排名", "申报", "申报单位", "评审专家", "技术方案", "技术方案 评分理由", "团队能力", "团队能力 评分理由", "经费合理性", "经费合理性 评分理由", "总分", "综合得分", "总体意见", "提交时间"]);
    expect(scores).toHaveLength(1 + 11);
    const wangYiOnA = scores.find((r) => r[1] === "申报 A" && r[3] === "王一")!;
    expect(wangYiOnA.slice(0, 12)).toEqual([1, "申报 A", "甲方智能科技有限公司", "王一", 10, JUSTIFICATION, 5, JUSTIFICATION, 20, JUSTIFICATION, 100, 76.67]);
    // Neither the draft nor the conflicted or declined evaluators' sheets are there.
    expect(scores.filter((r) => r[1] === "申报 B").map((r) => r[3]).sort()).toEqual(["王一", "王二", "王三"].sort());
    expect(scores.some((r) => r[3] === "钱拒绝")).toBe(false);
  });

  it("downloads a CSV with a BOM, CRLF lines, Chinese headers, and formulas defused", async () => {
    const response = (await callLoader(csvRoute.loader, "/x.csv", { id: data.scenario.id }, await cookieFor(db, data.officer.id))).response!;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("排名,申报,申报单位,评审专家,技术方案,技术方案 评分理由,团队能力,团队能力 评分理由,经费合理性,经费合理性 评分理由,总分,综合得分,总体意见,提交时间");
    expect(lines).toHaveLength(1 + 11 + 1);
    expect(lines.find((l) => l.startsWith("1,申报 A,甲方智能科技有限公司,王一,10,"))).toContain(",100,76.67,");
    // A justification that starts like a formula is text in Excel, never a live formula.
    const formula = lines.find((l) => l.includes("HYPERLINK"))!;
    expect(formula).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")，理由如上所述。"`);
    expect(exporter.scoreCsv(summary).startsWith("\uFEFF排名,")).toBe(true);
  });
});

describe("ready for a decision", () => {
  it("once every accepted evaluator has submitted every sheet they are not recused from", async () => {
    const ctx = await createEvaluationScenario(db);
    const proposal = await addProposal(db, ctx.scenario.id);
    const scorer = await addEvaluator(db, ctx.scenario.id, ctx.officer.id);
    const recused = await addEvaluator(db, ctx.scenario.id, ctx.officer.id);
    await declare(db, scorer.assignmentId, proposal.id);
    await declare(db, recused.assignmentId, proposal.id, { conflicted: true });
    const before = await summaries.getEvaluationSummary(ctx.scenario.id);
    expect(before.ready).toBe(false);
    expect(before.progress.find((p) => p.evaluatorId === recused.user.id)).toMatchObject({ expected: 0, submitted: 0, done: true });

    const full = { comment: "", scores: ctx.criteria.map((c) => ({ criterionId: c.id, value: c.maxScore, justification: JUSTIFICATION })) };
    await sheets.submitSheet({ id: scorer.user.id }, { assignmentId: scorer.assignmentId, proposalId: proposal.id }, 0, full);
    const after = await summaries.getEvaluationSummary(ctx.scenario.id);
    expect(after.ready).toBe(true);
    expect(after.results[0]).toMatchObject({ rank: 1, score: 100, method: "mean" });
    // No status change: the award decision is the next step.
    expect(await db.scenario.findUniqueOrThrow({ where: { id: ctx.scenario.id }, select: { status: true } })).toEqual({ status: "evaluating" });

    // A new invitation (not yet accepted) means more sheets are coming.
    await addEvaluator(db, ctx.scenario.id, ctx.officer.id, { status: "invited" });
    expect((await summaries.getEvaluationSummary(ctx.scenario.id)).ready).toBe(false);
  });
});
