/**
 * Shared vocabularies for scenarios and capability profiles.
 *
 * The lists come from the seed policy documents (郑州市场景驱动人工智能创新发展行动方案 2025—2027,
 * 郑州市新一代人工智能产业发展规划 2021—2025, 河南省推动"人工智能+"行动计划 2024—2026 and the
 * 郑州市支持人工智能创新发展若干措施). Keys are stable identifiers stored in the database and the
 * search index; labels are for display only, so they may be reworded without a migration.
 */

export type CatalogEntry = { readonly key: string; readonly zh: string; readonly en: string };
export type Locale = "zh-CN" | "en";

/** Application sectors ("人工智能+" 重点行业). */
export const SECTORS = [
  { key: "healthcare", zh: "医疗健康", en: "Healthcare" },
  { key: "industry", zh: "工业制造", en: "Industry & manufacturing" },
  { key: "agriculture", zh: "农业农村", en: "Agriculture" },
  { key: "culture_tourism", zh: "文化旅游", en: "Culture & tourism" },
  { key: "social_governance", zh: "社会治理", en: "Social governance" },
  { key: "government_services", zh: "政务服务", en: "Government services" },
  { key: "ecology", zh: "生态保护", en: "Ecological protection" },
  { key: "disaster_prevention", zh: "防灾减灾", en: "Disaster prevention & emergency" },
  { key: "transport", zh: "智慧交通", en: "Transport" },
  { key: "education", zh: "教育", en: "Education" },
  { key: "research", zh: "科学研究", en: "Scientific research" },
  { key: "finance", zh: "金融", en: "Finance" },
  { key: "logistics", zh: "物流", en: "Logistics" },
  { key: "energy", zh: "能源", en: "Energy" },
  { key: "human_resources", zh: "人力资源", en: "Human resources & social security" },
  { key: "consumption", zh: "商贸消费", en: "Commerce & consumption" },
  { key: "spatiotemporal", zh: "时空信息", en: "Spatio-temporal information" },
] as const satisfies readonly CatalogEntry[];

/** Zhengzhou districts and development zones, the provincial level, and Henan units the seeds name. */
export const DISTRICTS = [
  { key: "zhengzhou", zh: "郑州市（市级）", en: "Zhengzhou (municipal)" },
  { key: "zhengdong", zh: "郑东新区", en: "Zhengdong New District" },
  { key: "gaoxin", zh: "高新区", en: "High-tech Zone" },
  { key: "airport", zh: "航空港区", en: "Airport Economy Zone" },
  { key: "jingkai", zh: "经开区", en: "Economic & Technological Development Zone" },
  { key: "jinshui", zh: "金水区", en: "Jinshui District" },
  { key: "erqi", zh: "二七区", en: "Erqi District" },
  { key: "zhongyuan", zh: "中原区", en: "Zhongyuan District" },
  { key: "guancheng", zh: "管城回族区", en: "Guancheng Hui District" },
  { key: "huiji", zh: "惠济区", en: "Huiji District" },
  { key: "shangjie", zh: "上街区", en: "Shangjie District" },
  { key: "zhongmu", zh: "中牟县", en: "Zhongmu County" },
  { key: "xinzheng", zh: "新郑市", en: "Xinzheng" },
  { key: "xingyang", zh: "荥阳市", en: "Xingyang" },
  { key: "xinmi", zh: "新密市", en: "Xinmi" },
  { key: "dengfeng", zh: "登封市", en: "Dengfeng" },
  { key: "gongyi", zh: "巩义市", en: "Gongyi" },
  { key: "henan", zh: "河南省（省级）", en: "Henan Province (provincial)" },
  { key: "jiyuan", zh: "济源示范区", en: "Jiyuan Demonstration Zone" },
] as const satisfies readonly CatalogEntry[];

/** Technology tags. Synonyms (大模型 ≈ 大语言模型 ≈ LLM, 无人机 ≈ UAV) live in the search settings. */
export const TECH_TAGS = [
  { key: "llm", zh: "大模型", en: "Large language models" },
  { key: "computer_vision", zh: "计算机视觉", en: "Computer vision" },
  { key: "embodied_ai", zh: "具身智能", en: "Embodied AI" },
  { key: "knowledge_graph", zh: "知识图谱", en: "Knowledge graphs" },
  { key: "speech_recognition", zh: "语音识别", en: "Speech recognition" },
  { key: "nlp", zh: "自然语言处理", en: "Natural language processing" },
  { key: "multimodal", zh: "多模态", en: "Multimodal AI" },
  { key: "ai_agent", zh: "智能体", en: "AI agents" },
  { key: "digital_twin", zh: "数字孪生", en: "Digital twins" },
  { key: "robotics", zh: "机器人", en: "Robotics" },
  { key: "uav", zh: "无人机", en: "Drones (UAV)" },
  { key: "spatiotemporal_data", zh: "时空大数据", en: "Spatio-temporal big data" },
  { key: "edge_computing", zh: "边缘计算", en: "Edge computing" },
  { key: "predictive_analytics", zh: "预测分析", en: "Predictive analytics" },
  { key: "ocr", zh: "文字识别", en: "OCR & document recognition" },
  { key: "remote_sensing", zh: "遥感", en: "Remote sensing" },
  { key: "autonomous_driving", zh: "自动驾驶", en: "Autonomous driving" },
  { key: "smart_sensors", zh: "智能传感", en: "Smart sensors & IoT" },
  { key: "machine_translation", zh: "机器翻译", en: "Machine translation" },
  { key: "aigc", zh: "生成式内容", en: "Generative content (AIGC)" },
  { key: "privacy_computing", zh: "隐私计算", en: "Privacy-preserving computation" },
  { key: "optimization", zh: "智能调度优化", en: "Scheduling & optimisation" },
  { key: "risk_control", zh: "智能风控", en: "Risk control & anti-fraud" },
] as const satisfies readonly CatalogEntry[];

/** 需求类型. Keys match the NeedType enum in prisma/schema.prisma. */
export const NEED_TYPES = [
  { key: "tech_breakthrough", zh: "技术攻关", en: "Technology breakthrough" },
  { key: "product_procurement", zh: "产品采购", en: "Product procurement" },
  { key: "joint_rd", zh: "联合研发", en: "Joint R&D" },
  { key: "demo_application", zh: "示范应用", en: "Demonstration application" },
] as const satisfies readonly CatalogEntry[];

/** 组织方式. Keys match the Mechanism enum in prisma/schema.prisma. */
export const MECHANISMS = [
  { key: "open_call", zh: "揭榜挂帅", en: "Open call (unveil the list)" },
  { key: "horse_race", zh: "赛马", en: "Horse race" },
  { key: "directed", zh: "定向委托", en: "Directed commissioning" },
] as const satisfies readonly CatalogEntry[];

/** 合作方式. Stored in Scenario.cooperationMode as the key. */
export const COOPERATION_MODES = [
  { key: "gov_purchase", zh: "政府购买服务", en: "Government procurement of services" },
  { key: "joint_rd_shared", zh: "联合研发、成果共享", en: "Joint R&D with shared results" },
  { key: "trial_then_purchase", zh: "免费试用后采购", en: "Free trial, then procurement" },
  { key: "project_funding", zh: "财政项目资助", en: "Public project funding" },
  { key: "post_subsidy", zh: "企业先行投入、验收后奖补", en: "Vendor-funded, subsidy after acceptance" },
  { key: "scenario_opening", zh: "场景开放、免费测试验证", en: "Open scenario for free testing" },
  { key: "revenue_share", zh: "特许运营、收益分成", en: "Concession with revenue sharing" },
] as const satisfies readonly CatalogEntry[];

/** Scenario lifecycle states. Keys match the ScenarioStatus enum. */
export const SCENARIO_STATUSES = [
  { key: "draft", zh: "草稿", en: "Draft" },
  { key: "published", zh: "征集中", en: "Open" },
  { key: "closed", zh: "已截止", en: "Closed" },
  { key: "evaluating", zh: "评审中", en: "Under evaluation" },
  { key: "award_proposed", zh: "拟定揭榜方", en: "Award proposed" },
  { key: "notice", zh: "公示中", en: "Public notice" },
  { key: "awarded", zh: "已定榜", en: "Awarded" },
  { key: "in_delivery", zh: "挂帅实施中", en: "In delivery" },
  { key: "completed", zh: "已验收", en: "Completed" },
  { key: "cancelled", zh: "已撤榜", en: "Cancelled" },
] as const satisfies readonly CatalogEntry[];

type KeyOf<L extends readonly CatalogEntry[]> = L[number]["key"];

export type SectorKey = KeyOf<typeof SECTORS>;
export type DistrictKey = KeyOf<typeof DISTRICTS>;
export type TechTagKey = KeyOf<typeof TECH_TAGS>;
export type NeedTypeKey = KeyOf<typeof NEED_TYPES>;
export type MechanismKey = KeyOf<typeof MECHANISMS>;
export type CooperationModeKey = KeyOf<typeof COOPERATION_MODES>;
export type ScenarioStatusKey = KeyOf<typeof SCENARIO_STATUSES>;

/** The label of `key` in `list`, or the key itself when it is unknown (old data, free text). */
export function label(list: readonly CatalogEntry[], key: string, locale: Locale): string {
  const entry = list.find((e) => e.key === key);
  if (!entry) return key;
  return locale === "en" ? entry.en : entry.zh;
}

/** Type guard: is `key` one of the keys of `list`? */
export function isKey<L extends readonly CatalogEntry[]>(list: L, key: string): key is KeyOf<L> {
  return list.some((e) => e.key === key);
}

/** All keys of a list, e.g. for a Zod enum: z.enum(keys(SECTORS)). */
export function keys<L extends readonly CatalogEntry[]>(list: L): [KeyOf<L>, ...KeyOf<L>[]] {
  return list.map((e) => e.key) as [KeyOf<L>, ...KeyOf<L>[]];
}
