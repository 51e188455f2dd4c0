/**
 * Building blocks shared by the scenario files: evaluation rubrics, payment schedules, eligibility
 * wording and the Markdown layout of a description. Kept here so the scenario files stay readable.
 */
import { DEPARTMENTS } from "./departments";
import type { SeedRubricItem, SeedScenario } from "./types";

/** 揭榜挂帅, general. */
export const RUBRIC_OPEN_CALL: SeedRubricItem[] = [
  { criterion: "技术方案先进性与可行性", criterionEn: "Technical approach: soundness and feasibility", guidance: "技术路线是否清楚、先进且可落地；关键指标有无实现路径与验证方法；与现有系统的衔接是否考虑周全。", weight: 35, maxScore: 10 },
  { criterion: "团队能力与类似业绩", criterionEn: "Team capability and track record", guidance: "核心人员的专业背景、投入时间与分工；近三年同类项目的规模与成效，有无可核验的用户证明。", weight: 20, maxScore: 10 },
  { criterion: "实施计划与进度保障", criterionEn: "Implementation plan and schedule", guidance: "里程碑是否可核验、时间安排是否与工作量相符；风险识别与应对措施是否具体。", weight: 15, maxScore: 10 },
  { criterion: "数据安全与合规", criterionEn: "Data security and compliance", guidance: "数据不出域、脱敏、分级授权与日志审计措施是否到位；是否符合等级保护和个人信息保护要求。", weight: 10, maxScore: 10 },
  { criterion: "报价合理性", criterionEn: "Price and value for money", guidance: "报价构成是否清楚、与工作量相符，是否在预算区间内；有无不合理的低价或捆绑收费。", weight: 20, maxScore: 10 },
];

/** 技术攻关. */
export const RUBRIC_BREAKTHROUGH: SeedRubricItem[] = [
  { criterion: "技术路线创新性", criterionEn: "Novelty of the technical route", guidance: "相对现有方法的实质改进与原创性；核心算法是否自主可控，有无专利、论文等基础。", weight: 30, maxScore: 10 },
  { criterion: "关键指标可达性", criterionEn: "Credibility of reaching the key metrics", guidance: "承诺指标是否有前期实验或测试数据支撑；评测方法与测试集是否与场景一致。", weight: 25, maxScore: 10 },
  { criterion: "研发团队与平台条件", criterionEn: "R&D team and facilities", guidance: "团队的学术与工程能力、算力和实验平台条件；产学研分工是否清楚。", weight: 20, maxScore: 10 },
  { criterion: "成果转化与推广前景", criterionEn: "Prospects for transfer and wider use", guidance: "成果能否在本省同类场景复制推广；知识产权归属与转化路径是否明确。", weight: 15, maxScore: 10 },
  { criterion: "经费预算合理性", criterionEn: "Soundness of the budget", guidance: "经费科目与研发任务是否匹配，设备费、劳务费等比例是否合理；自筹与配套是否落实。", weight: 10, maxScore: 10 },
];

/** 示范应用. */
export const RUBRIC_DEMO: SeedRubricItem[] = [
  { criterion: "场景理解与需求契合度", criterionEn: "Understanding of the scenario and fit to the need", guidance: "是否吃透本场景的业务流程、一线用户和痛点；方案是否逐条回应需求清单。", weight: 25, maxScore: 10 },
  { criterion: "技术方案与产品成熟度", criterionEn: "Technical approach and product maturity", guidance: "产品是否已在类似环境稳定运行；技术方案的完整性、可靠性和可维护性。", weight: 25, maxScore: 10 },
  { criterion: "示范效果与可推广性", criterionEn: "Expected demonstration effect and replicability", guidance: "试点成效能否量化、可复制；推广到其他区县或行业的条件与成本。", weight: 20, maxScore: 10 },
  { criterion: "团队能力与类似业绩", criterionEn: "Team capability and track record", guidance: "核心人员的专业背景、投入时间与分工；近三年同类项目的规模与成效，有无可核验的用户证明。", weight: 15, maxScore: 10 },
  { criterion: "报价合理性", criterionEn: "Price and value for money", guidance: "报价构成是否清楚、与工作量相符，是否在预算区间内；有无不合理的低价或捆绑收费。", weight: 15, maxScore: 10 },
];

/** 产品采购: prefers tested and evaluated products, as the Henan plan asks. */
export const RUBRIC_PROCUREMENT: SeedRubricItem[] = [
  { criterion: "产品成熟度与第三方测试评估", criterionEn: "Product maturity and third-party test results", guidance: "是否有第三方测试或评估报告，版本是否稳定；同类用户的运行时长与反馈。", weight: 30, maxScore: 10 },
  { criterion: "功能与性能指标满足度", criterionEn: "Coverage of functional and performance requirements", guidance: "逐项对照功能和性能要求，是否全部满足；不满足项有无替代方案。", weight: 30, maxScore: 10 },
  { criterion: "售后服务与运维保障", criterionEn: "Support and operations", guidance: "响应时限、驻场与远程支持、版本升级和培训安排是否明确。", weight: 15, maxScore: 10 },
  { criterion: "价格", criterionEn: "Price", guidance: "报价在同类产品中的水平，含运维在内的全生命周期成本是否合理。", weight: 25, maxScore: 10 },
];

/** 赛马: teams are down-selected at stage gates, so measurable stage goals weigh most. */
export const RUBRIC_RACE: SeedRubricItem[] = [
  { criterion: "阶段目标可量化程度", criterionEn: "Measurability of stage goals", guidance: "每个阶段的目标能否在统一测试集上客观评测，淘汰或晋级的依据是否清楚。", weight: 25, maxScore: 10 },
  { criterion: "技术方案", criterionEn: "Technical approach", guidance: "技术路线的可行性与先进性；对本场景数据和业务约束的针对性。", weight: 30, maxScore: 10 },
  { criterion: "团队与算力、数据资源", criterionEn: "Team, compute and data resources", guidance: "团队规模与经验，可投入的算力、数据和试验条件。", weight: 20, maxScore: 10 },
  { criterion: "自筹投入与配套能力", criterionEn: "Own investment and matching resources", guidance: "自筹资金、设备与人员投入的规模和落实程度。", weight: 10, maxScore: 10 },
  { criterion: "经费预算合理性", criterionEn: "Soundness of the budget", guidance: "经费科目与研发任务是否匹配，设备费、劳务费等比例是否合理；自筹与配套是否落实。", weight: 15, maxScore: 10 },
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
