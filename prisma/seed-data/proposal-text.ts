/**
 * The content of a seeded proposal, written around the team's own idea (`angle`) from the
 * scenario's fields (title, needs, resources, KPIs, acceptance criteria, months) and the vendor's
 * profile (technology, past cases, team size). Pure and deterministic: the same inputs always give
 * the same text, so receipts and tests are stable. Never names the proposing organisation.
 */
import { SECTORS, TECH_TAGS, label } from "../../app/modules/scenarios/catalog";
import type { Milestone } from "../../app/modules/proposals/lines";
import type { SeedProposalPlan } from "./proposals";
import type { SeedScenario, SeedVendor } from "./types";

const DAY = 86_400_000;

// How each technology would be used, in the voice of a proposal.
const TECH_APPROACH: Record<string, string> = {
  llm: "以国产开源基础大模型为底座，用场景语料继续预训练和指令微调，并以检索增强生成保证每个回答都有出处",
  computer_vision: "采用检测—分割—识别级联模型，针对小目标、遮挡和复杂光照做数据增强与难例挖掘，模型在本地样本上复训",
  knowledge_graph: "构建领域知识图谱，实体与关系经抽取后由业务专家审核入库，支撑推理、关联分析与结论溯源",
  nlp: "对文本做要素抽取、实体识别和意图理解，关键字段以规则兜底，保证不漏项",
  speech_recognition: "流式语音识别引擎支持河南方言和嘈杂环境，端到端时延低于500毫秒，并在本地语料上持续优化",
  multimodal: "图像、文本与结构化数据多模态融合，统一表征后联合推理，结论同时给出图文依据",
  ai_agent: "以智能体编排业务流程，按需调用检索、计算和业务系统接口，关键动作必须由工作人员确认",
  digital_twin: "建立与物理对象实时同步的数字孪生模型，支持情景推演、方案比选和过程回放",
  robotics: "机器人本体与调度系统一体设计，作业任务由上位系统下发，异常时自动停机并上报",
  embodied_ai: "在仿真环境中采集与合成训练数据，再迁移到真实场景，缩短具身智能模型的训练周期",
  uav: "无人机机巢按预设航线自动起降巡查，航拍影像在边缘侧初筛、云端复核",
  spatiotemporal_data: "统一时空基准，对多源数据做时空对齐与网格化管理，支持按时间和空间任意切片分析",
  edge_computing: "模型量化后部署在边缘计算设备上就地推理，断网时本地照常预警，恢复后自动补传",
  predictive_analytics: "融合历史序列与外部因子构建集成预测模型，输出区间预测和主要影响因子，便于业务人员理解",
  ocr: "版面分析与文字识别结合，对表格、印章和手写内容分别建模，识别结果结构化入库",
  remote_sensing: "多源卫星与航空影像定期变化检测，图斑自动提取后叠加业务底图研判",
  autonomous_driving: "车端感知、规划与控制采用成熟套件，路侧感知补盲，安全员可远程接管",
  smart_sensors: "部署多类型物联感知终端，数据经边缘网关统一接入，设备状态实时监测",
  machine_translation: "领域术语库约束的神经机器翻译，译文经人工抽检后发布",
  aigc: "生成式模型按模板和素材库生成图文内容，发布前经人工审核，留存生成记录",
  privacy_computing: "以联邦学习和多方安全计算实现跨部门联合建模，原始数据不出各自机房",
  optimization: "以运筹优化与强化学习结合求解调度问题，给出多个可比选方案及其代价",
  risk_control: "规则、图谱与机器学习模型三层识别风险，疑点附可解释的证据链，供人工核查",
};

/** The needs listed in a scenario's Markdown description (the "## 需求" section). */
export function needsOf(description: string): string[] {
  const section = description.split("## 需求")[1]?.split("## ")[0] ?? "";
  return section.split("\n").filter((line) => line.startsWith("- ")).map((line) => line.slice(2).trim());
}

function techLines(scenario: SeedScenario, vendor: SeedVendor): string[] {
  const shared = scenario.techTags.filter((t) => vendor.techTags.includes(t));
  const tags = [...shared, ...scenario.techTags.filter((t) => !shared.includes(t))].slice(0, 3);
  return tags.map((t) => `- **${label(TECH_TAGS, t, "zh-CN")}**：${TECH_APPROACH[t] ?? "采用成熟可靠的技术路线"}。`);
}

export function technicalApproach(scenario: SeedScenario, vendor: SeedVendor, plan: SeedProposalPlan): string {
  const needs = needsOf(scenario.description);
  const consortium = plan.consortium?.length
    ? `\n\n联合体分工：${plan.consortium.map((m) => `${m.name}负责${m.role}`).join("；")}，牵头单位负责总体设计、集成与交付。`
    : "";
  const race = scenario.mechanism === "horse_race"
    ? "\n\n按赛马要求，第一阶段在发榜单位的统一测试集上参加阶段评测，评测结果与全部过程数据向评测组开放。"
    : "";
  return [
    "## 总体思路",
    `${plan.angle}${consortium}`,
    `针对本场景（${scenario.title}），方案按“数据治理—模型能力—业务应用”三层建设：数据在发榜单位指定环境内治理和使用，模型能力以自主可控技术为主，业务应用嵌入现有工作流程，所有结论留痕、可追溯，并保留人工复核环节。`,
    "## 技术路线",
    techLines(scenario, vendor).join("\n"),
    "## 对需求的逐条响应",
    needs.map((need, i) => `${i + 1}. ${need}：纳入第${Math.min(i + 1, 3)}期建设内容，交付物和验证方式见里程碑表。`).join("\n"),
    "## 场景资源的使用",
    `使用发榜单位开放的资源：${scenario.openResources}。数据按“最小必要”原则使用，敏感字段脱敏，访问全程留痕。`,
    "## 指标承诺",
    scenario.kpis.map((kpi) => `- ${kpi}：承诺达到，以${scenario.acceptanceCriteria[0] ?? "发榜单位组织的测试"}为准。`).join("\n") + race,
    "## 数据安全与运维保障",
    "系统按信息安全等级保护三级要求设计，数据不出域、分级授权、操作日志留存不少于6个月；上线后提供7×24小时远程支持，重大故障2小时内到场，质保期内免费升级模型与软件。",
  ].join("\n\n");
}

/** How many people the vendor puts on the project: a share of its staff, 6 to 24. */
export function teamSizeOf(vendor: SeedVendor): number {
  return Math.max(6, Math.min(24, Math.round(vendor.teamSize * 0.12)));
}

export function teamText(scenario: SeedScenario, vendor: SeedVendor, plan: SeedProposalPlan): string {
  const size = teamSizeOf(vendor);
  const algorithms = Math.max(2, Math.round(size * 0.35));
  const engineers = Math.max(2, Math.round(size * 0.35));
  const domain = Math.max(1, size - algorithms - engineers - 1);
  const doctors = Math.max(1, Math.round(size * plan.quality * 0.3));
  const sector = label(SECTORS, scenario.sector, "zh-CN");
  return [
    `项目负责人：${vendor.contactName}（高级工程师，从事${sector}领域人工智能应用${8 + Math.round(plan.quality * 6)}年，主持过${vendor.pastCases.length + 2}个同类项目）`,
    `核心成员：算法工程师${algorithms}名、软件与实施工程师${engineers}名、${sector}业务专家${domain}名、项目经理1名`,
    `投入本项目共${size}人，其中博士${doctors}名；项目期内核心成员不更换，确需调整须经发榜单位同意。`,
  ].join("\n");
}

export function relevantCases(vendor: SeedVendor): string {
  return vendor.pastCases.map((c) => `- ${c.year}年 · ${c.title}：${c.summary}`).join("\n");
}

const isoDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Milestones over the project months, counted from the contract (a month after the deadline). */
export function milestones(scenario: SeedScenario, deadline: Date): Milestone[] {
  const start = deadline.getTime() + 30 * DAY;
  const at = (share: number) => isoDate(new Date(start + share * scenario.projectMonths * 30 * DAY));
  const acceptance = scenario.acceptanceCriteria[0] ?? "发榜单位组织的终验";
  const rows: Milestone[] = [
    { name: "需求调研与详细设计", dueDate: at(0.1), deliverable: "需求规格说明书、详细设计方案、数据资源清单", evidence: "发榜单位组织的方案评审意见" },
    { name: "模型训练与系统开发", dueDate: at(0.4), deliverable: "模型训练与评测报告、系统测试版", evidence: "内部测试报告与模型评测记录" },
  ];
  if (scenario.mechanism === "horse_race") {
    rows.push({ name: "阶段评测", dueDate: at(0.5), deliverable: "统一测试集上的评测结果与复现材料", evidence: "发榜单位组织的阶段评测报告" });
  }
  rows.push(
    { name: "试点部署与试运行", dueDate: at(0.75), deliverable: "试点环境部署、试运行记录与问题台账", evidence: "试点单位出具的试运行报告" },
    { name: "终验与推广", dueDate: at(1), deliverable: "竣工文档、运维手册、培训记录和推广方案", evidence: acceptance.slice(0, 200) },
  );
  return rows;
}

/** The bid in 元: a whole number of 万元 at `budgetAt` in the range (the range's midpoint when negotiable). */
export function budgetOf(scenario: SeedScenario, plan: SeedProposalPlan): bigint {
  const min = scenario.budgetMin ?? 1_000_000;
  const max = scenario.budgetMax ?? 3_000_000;
  return BigInt(Math.round((min + plan.budgetAt * (max - min)) / 10_000) * 10_000);
}
