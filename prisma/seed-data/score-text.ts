/**
 * Seeded scores and the evaluators' written justifications. A score follows the proposal's
 * `quality` (the price criteria its bid as well), moved a little by the evaluator's habits and a
 * per-criterion jitter; every value is 0…max in steps of 0.5. The justification says why, in the
 * words an expert would use for that kind of criterion and that level, with the proposal's own
 * facts (bid, KPIs, milestones, team). Deterministic: the same keys always give the same sheet.
 */
import { CLOSING_REMARKS, criterionTexts, kpiOf, type Category, type Level } from "./justification-texts";
import type { SeedProposalPlan } from "./proposals";
import type { SeedScenario } from "./types";

/** A small deterministic generator (FNV-1a hash of the keys seeding mulberry32). */
export function seededRandom(...keys: string[]): () => number {
  let h = 2166136261;
  for (const ch of keys.join("|")) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Order matters: "分级准确性与临床安全" is clinical, "语音识别与系统集成方案" integration, "技术路线创新性" novelty.
const CATEGORIES: [RegExp, Category][] = [
  [/报价|价格|经费|预算/, "price"], [/阶段目标/, "stage"], [/自筹|配套/, "own"], [/团队/, "team"], [/计划|进度/, "plan"],
  [/临床/, "clinical"], [/安全|隐私|合规/, "security"], [/创新/, "novelty"], [/指标/, "kpi"], [/成熟度|注册证|测试/, "maturity"],
  [/售后|运维/, "support"], [/场景理解|契合/, "fit"], [/推广|转化/, "spread"], [/集成|部署/, "integration"],
];

export function categoryOf(criterion: string): Category {
  return CATEGORIES.find(([pattern]) => pattern.test(criterion))?.[1] ?? "technical";
}

export type ScoreFacts = {
  scenario: SeedScenario;
  plan: SeedProposalPlan;
  budgetYuan: bigint;
  milestoneCount: number;
  teamSize: number;
};

export type ScoreKey = { code: string; vendorKey: string; evaluatorKey: string; position: number };

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** The score an evaluator gives one criterion of one proposal. `shift` is a planned disagreement. */
export function scoreValue(key: ScoreKey, criterion: { name: string; maxScore: number }, plan: SeedProposalPlan, shift = 0): number {
  const random = seededRandom(key.code, key.vendorKey, key.evaluatorKey, String(key.position));
  const habit = (seededRandom(key.evaluatorKey)() - 0.5) * 0.08;
  const base = categoryOf(criterion.name) === "price" ? 0.5 * plan.quality + 0.5 * (0.45 + 0.45 * (1 - plan.budgetAt)) : plan.quality;
  const ratio = base + habit + (random() - 0.5) * 0.16 + shift;
  return clamp(Math.round(ratio * criterion.maxScore * 2) / 2, 0, criterion.maxScore);
}

const levelOf = (ratio: number): Level => (ratio >= 0.8 ? 0 : ratio >= 0.65 ? 1 : ratio >= 0.5 ? 2 : 3);

/**
 * Why the evaluator gave `value` on this criterion: one of two phrasings for the kind of criterion
 * and the level, with the proposal's facts, and now and then a closing remark in the evaluator's
 * own voice, so two experts rarely write the same sentence. At least 20 characters, usually 40–70.
 */
export function justification(key: ScoreKey, criterion: { name: string; maxScore: number }, value: number, facts: ScoreFacts): string {
  const level = levelOf(value / criterion.maxScore);
  const random = seededRandom("why", key.code, key.vendorKey, key.evaluatorKey, String(key.position));
  const kpi = kpiOf(facts.scenario, Math.floor(random() * 10));
  const variants = criterionTexts(categoryOf(criterion.name), facts, kpi)[level];
  const remarks = CLOSING_REMARKS[level];
  return variants[Math.floor(random() * variants.length)]! + remarks[Math.floor(random() * remarks.length)]!;
}

/** The overall comment on a submitted sheet, from its weighted total (0–100). */
export function sheetComment(total: number): string {
  if (total >= 80) return "综合意见：方案完整、针对性强，关键指标承诺有依据，建议优先考虑。";
  if (total >= 65) return "综合意见：方案基本可行，建议在实施方案中补充完善上述不足后考虑。";
  return "综合意见：方案存在明显短板，与本场景要求差距较大，不建议优先考虑。";
}
