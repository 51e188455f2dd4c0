/**
 * Where the evaluation of each scenario past its deadline stands (评审). Scenarios merely closed
 * have their rubric frozen and no evaluators yet; the first assignment moves a scenario to
 * evaluating. Evaluators and vendors are named by their seed keys.
 *
 * An accepted assignment without `work` has declared "no conflict" on every proposal and submitted
 * every sheet. With `work`, each listed proposal is declared, and has a draft or a submitted sheet
 * or none yet; proposals not listed are not declared yet. Conflicts the platform detects from the
 * affiliations and organisation links (./evaluators) are not written here: the seed runs the
 * platform's detection and marks those declarations conflicted, exactly as declaring would.
 */
import { DEMO_EVALUATOR_KEY } from "./evaluators";

export type SeedWork = "declared" | "draft" | "submitted";

export type SeedAssignmentPlan = {
  evaluator: string;
  status: "invited" | "accepted" | "declined";
  declineReason?: string;
  work?: Record<string, SeedWork>;
  /** Conflicts the evaluator declares, vendor key → the reason they give. */
  declaredConflicts?: Record<string, string>;
  /** Shifts this evaluator's scores on one proposal (share of the maximum): a disagreement the summary flags. */
  disagree?: Record<string, number>;
};

export type SeedEvaluationPlan = {
  code: string;
  blindReview?: boolean;
  /** Days from closing to the evaluation due date (21 unless given). */
  dueDays?: number;
  assignments: SeedAssignmentPlan[];
};

const LIU = DEMO_EVALUATOR_KEY;
const done = (...evaluators: string[]): SeedAssignmentPlan[] => evaluators.map((evaluator) => ({ evaluator, status: "accepted" }));

export const EVALUATIONS: SeedEvaluationPlan[] = [
  // —— In evaluation ——
  // Fully scored: every sheet that is not conflicted is submitted; one declared conflict, one decline.
  {
    code: "ZZ-2026-0015",
    assignments: [
      { evaluator: LIU, status: "accepted" },
      {
        evaluator: "wang_jianhua", status: "accepted",
        declaredConflicts: { yizhi_med: "该申报方案拟以本人所在的郑州大学第一附属医院急诊医学科作为临床验证科室，本人参与过方案前期的需求论证，申请回避。" },
      },
      // A pharmacist doubts the clinical safety of a dispatch company's rule-based triage: the summary flags the spread.
      { evaluator: "li_xiumei", status: "accepted", disagree: { anlan: -0.3 } },
      { evaluator: "yang_fan", status: "declined", declineReason: "评审期间借调参加省一体化政务服务平台验收，无法按期完成，建议改派急救医学方向专家。" },
    ],
  },
  // Blind review, in progress: the demo evaluator has one sheet submitted and one in draft; the
  // platform detects a conflict through an organisation link; one expert has not answered yet.
  {
    code: "ZZ-2026-0018", blindReview: true,
    assignments: [
      { evaluator: LIU, status: "accepted", work: { yimou: "submitted", shikong: "draft", heyun: "declared", anshi: "declared" } },
      { evaluator: "guo_heqing", status: "accepted", work: { yimou: "submitted", shikong: "submitted", heyun: "declared", anshi: "submitted" } },
      { evaluator: "sun_weidong", status: "accepted", work: { yimou: "submitted", shikong: "submitted", heyun: "draft", anshi: "declared" } },
      { evaluator: "zhou_xiaoyan", status: "invited" },
    ],
  },
  {
    code: "HA-2026-0003",
    assignments: [
      { evaluator: "li_xiumei", status: "accepted" },
      { evaluator: "wang_jianhua", status: "accepted", work: { yaosheng: "submitted", yizhi_med: "submitted", songyue_ai: "draft", qiheng_med: "declared" } },
      { evaluator: "han_dongmei", status: "accepted", work: {} },
    ],
  },
  {
    code: "HA-2026-0006",
    assignments: [
      { evaluator: "sun_weidong", status: "accepted", work: { heluo_hydro: "submitted", shikong: "submitted", lvjing: "draft", yimou: "declared" } },
      { evaluator: "zhou_xiaoyan", status: "accepted", work: { heluo_hydro: "draft", shikong: "draft", lvjing: "declared", yimou: "declared" } },
      { evaluator: "zhang_liqun", status: "accepted", work: { heluo_hydro: "submitted", shikong: "submitted", lvjing: "submitted", yimou: "submitted" } },
      { evaluator: "guo_heqing", status: "declined", declineReason: "本人现为河南河洛水文智能研究中心兼职研究员，该单位参与本场景申报，主动申请回避。" },
    ],
  },
  // A decline, and the demo evaluator invited in their place (the due date was moved back a week).
  {
    code: "HA-2026-0012", dueDays: 28,
    assignments: [
      { evaluator: "zhao_min", status: "accepted", work: { jinxin: "submitted", songyue_ai: "submitted", zhengzhitong: "submitted", renzhi: "draft" } },
      { evaluator: "yang_fan", status: "accepted", work: { jinxin: "submitted", songyue_ai: "draft", zhengzhitong: "declared", renzhi: "declared" } },
      { evaluator: "wu_xiaofeng", status: "declined", declineReason: "评审期间需赴外地参加国家重点研发计划项目中期检查，时间冲突，无法参加本次评审。" },
      { evaluator: LIU, status: "invited" },
    ],
  },
  // —— Evaluated: every sheet submitted, so the later decisions rest on complete results ——
  { code: "HA-2026-0007", assignments: done("sun_weidong", "zhou_xiaoyan", LIU, "yang_fan") },
  { code: "HA-2026-0011", assignments: done("chen_guodong", "zhang_liqun", LIU) },
  { code: "ZZ-2026-0021", assignments: done("yang_fan", LIU, "wu_xiaofeng") },
  { code: "ZZ-2026-0017", assignments: done("zhao_min", "yang_fan", LIU) },
  { code: "ZZ-2025-0044", assignments: done("zhou_xiaoyan", "zhang_liqun", LIU) },
  { code: "ZZ-2025-0046", assignments: done("wu_xiaofeng", "zhao_min", "yang_fan") },
  { code: "ZZ-2025-0041", assignments: done("sun_weidong", "yang_fan", LIU) },
  { code: "HA-2026-0013", assignments: done("zhang_liqun", "chen_guodong", "yang_fan") },
  { code: "ZZ-2025-0045", assignments: done("wu_xiaofeng", "chen_guodong", "yang_fan") },
  { code: "HA-2025-0021", assignments: done("wang_jianhua", "li_xiumei", LIU) },
  { code: "ZZ-2025-0037", assignments: done("wu_xiaofeng", "chen_guodong", "yang_fan") },
  { code: "ZZ-2025-0040", assignments: done("wu_xiaofeng", LIU, "yang_fan") },
];
