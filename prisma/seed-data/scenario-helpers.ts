/**
 * Building blocks shared by the scenario files: evaluation rubrics, payment schedules, eligibility
 * wording and the Markdown layout of a description. Kept here so the scenario files stay readable.
 */
import { DEPARTMENTS } from "./departments";
import type { SeedRubricItem, SeedScenario } from "./types";

/** 揭榜挂帅, general. */
export const RUBRIC_OPEN_CALL: SeedRubricItem[] = [
  { criterion: "技术方案先进性与可行性", criterionEn: "Technical approach: soundness and feasibility", weight: 35, maxScore: 10 },
  { criterion: "团队能力与类似业绩", criterionEn: "Team capability and track record", weight: 20, maxScore: 10 },
  { criterion: "实施计划与进度保障", criterionEn: "Implementation plan and schedule", weight: 15, maxScore: 10 },
  { criterion: "数据安全与合规", criterionEn: "Data security and compliance", weight: 10, maxScore: 10 },
  { criterion: "报价合理性", criterionEn: "Price and value for money", weight: 20, maxScore: 10 },
];

/** 技术攻关. */
export const RUBRIC_BREAKTHROUGH: SeedRubricItem[] = [
  { criterion: "技术路线创新性", criterionEn: "Novelty of the technical route", weight: 30, maxScore: 10 },
  { criterion: "关键指标可达性", criterionEn: "Credibility of reaching the key metrics", weight: 25, maxScore: 10 },
  { criterion: "研发团队与平台条件", criterionEn: "R&D team and facilities", weight: 20, maxScore: 10 },
  { criterion: "成果转化与推广前景", criterionEn: "Prospects for transfer and wider use", weight: 15, maxScore: 10 },
  { criterion: "经费预算合理性", criterionEn: "Soundness of the budget", weight: 10, maxScore: 10 },
];

/** 示范应用. */
export const RUBRIC_DEMO: SeedRubricItem[] = [
  { criterion: "场景理解与需求契合度", criterionEn: "Understanding of the scenario and fit to the need", weight: 25, maxScore: 10 },
  { criterion: "技术方案与产品成熟度", criterionEn: "Technical approach and product maturity", weight: 25, maxScore: 10 },
  { criterion: "示范效果与可推广性", criterionEn: "Expected demonstration effect and replicability", weight: 20, maxScore: 10 },
  { criterion: "团队能力与类似业绩", criterionEn: "Team capability and track record", weight: 15, maxScore: 10 },
  { criterion: "报价合理性", criterionEn: "Price and value for money", weight: 15, maxScore: 10 },
];

/** 产品采购: prefers tested and evaluated products, as the Henan plan asks. */
export const RUBRIC_PROCUREMENT: SeedRubricItem[] = [
  { criterion: "产品成熟度与第三方测试评估", criterionEn: "Product maturity and third-party test results", weight: 30, maxScore: 10 },
  { criterion: "功能与性能指标满足度", criterionEn: "Coverage of functional and performance requirements", weight: 30, maxScore: 10 },
  { criterion: "售后服务与运维保障", criterionEn: "Support and operations", weight: 15, maxScore: 10 },
  { criterion: "价格", criterionEn: "Price", weight: 25, maxScore: 10 },
];

/** 赛马: teams are down-selected at stage gates, so measurable stage goals weigh most. */
export const RUBRIC_RACE: SeedRubricItem[] = [
  { criterion: "阶段目标可量化程度", criterionEn: "Measurability of stage goals", weight: 25, maxScore: 10 },
  { criterion: "技术方案", criterionEn: "Technical approach", weight: 30, maxScore: 10 },
  { criterion: "团队与算力、数据资源", criterionEn: "Team, compute and data resources", weight: 20, maxScore: 10 },
  { criterion: "自筹投入与配套能力", criterionEn: "Own investment and matching resources", weight: 10, maxScore: 10 },
  { criterion: "经费预算合理性", criterionEn: "Soundness of the budget", weight: 15, maxScore: 10 },
];

export const PAY_30_40_30 = "合同签订后支付30%，中期验收后支付40%，终验后支付30%";
export const PAY_MILESTONES =
  "方案评审通过后支付20%，试点上线运行后支付40%，终验合格后支付35%，质保期满无质量问题支付5%";
export const PAY_GRANT = "立项后拨付财政资助资金的60%，项目验收通过后拨付剩余40%";
export const PAY_TRIAL =
  "免费试用3个月，试用评估合格后签订采购合同；合同签订后支付50%，验收合格后支付50%";
export const PAY_SERVICE = "按季度支付服务费，每季度服务考核合格后10个工作日内支付当季费用";

export const ELIGIBILITY_BASE =
  "在中国境内依法注册的企业法人、高等院校或科研院所；具有良好商业信誉和健全的财务制度，近三年无重大违法记录，未被列入失信被执行人名单。";

/** Contact fields of a department, for scenarios whose contact is the department's own. */
export function contactOf(departmentKey: string): Pick<SeedScenario, "contactName" | "contactPhone" | "contactEmail"> {
  const department = DEPARTMENTS.find((d) => d.key === departmentKey);
  if (!department) throw new Error(`unknown department ${departmentKey}`);
  return {
    contactName: department.contactName,
    contactPhone: department.contactPhone,
    contactEmail: department.contactEmail,
  };
}

/** The description layout every listing shares: 背景, 需求, 场景资源, 技术路线期望. */
export function scenarioMarkdown(parts: {
  background: string;
  needs: string[];
  resources: string[];
  approach: string;
}): string {
  const list = (items: string[]) => items.map((item) => `- ${item}`).join("\n");
  return [
    "## 背景",
    parts.background,
    "## 需求",
    list(parts.needs),
    "## 场景资源",
    list(parts.resources),
    "## 技术路线期望",
    parts.approach,
  ].join("\n\n");
}
