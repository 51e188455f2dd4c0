/**
 * The evaluator pool (评审专家库): experts from Zhengzhou and Henan universities, institutes,
 * hospitals and state-owned units, and the links between seeded organisations that conflict
 * detection follows. The people are fictional; the universities, hospitals and state-owned units
 * are real employers of such experts. Vendors and institutes of the seed are named by their key.
 *
 * Years are written as seen from 2026 and shifted by the seed to the year of seeding, so "left
 * within the last three years" keeps meaning the same thing whenever the demo is seeded.
 */
import type { SectorKey, TechTagKey } from "../../app/modules/scenarios/catalog";
import { DEMO_LOGINS } from "../demo-logins";

export const AFFILIATION_BASE_YEAR = 2026;

export type SeedAffiliation =
  | { vendorKey: string; fromYear: number | null; toYear: number | null }
  | { orgName: string; fromYear: number | null; toYear: number | null };

export type SeedEvaluator = {
  key: string;
  email: string;
  name: string;
  title: string;
  expertise: string;
  sectors: SectorKey[];
  techTags: TechTagKey[];
  maxConcurrent: number;
  /** Current ones have no toYear. */
  affiliations: SeedAffiliation[];
};

export type SeedOrganisationLink = {
  fromKey: string;
  toKey: string;
  kind: "parent" | "subsidiary" | "shareholder" | "same_group";
  note: string;
};

/** The key of the demo evaluator login (DEMO_LOGINS, "评审专家 刘振宇"). */
export const DEMO_EVALUATOR_KEY = "liu_zhenyu";

export const EVALUATORS: SeedEvaluator[] = [
  {
    key: DEMO_EVALUATOR_KEY, email: DEMO_LOGINS[5].email, name: "评审专家 刘振宇", title: "教授",
    expertise: "郑州大学计算机与人工智能学院教授、博士生导师，长期从事机器学习、时空数据挖掘与知识图谱研究，参与河南省智慧水利、智慧医疗、社会保障大数据等平台的论证与验收。",
    sectors: ["disaster_prevention", "healthcare", "human_resources", "government_services", "culture_tourism"],
    techTags: ["predictive_analytics", "knowledge_graph", "llm", "spatiotemporal_data", "speech_recognition"], maxConcurrent: 4,
    affiliations: [
      { orgName: "郑州大学计算机与人工智能学院", fromYear: 2016, toYear: null },
      // Left long before the three-year window: no conflict with the institute's proposals any more.
      { vendorKey: "songyue_ai", fromYear: 2011, toYear: 2016 },
    ],
  },
  {
    key: "wang_jianhua", email: "wang.jianhua@experts.example.cn", name: "王建华", title: "主任医师",
    expertise: "郑州大学第一附属医院急诊医学科主任医师，河南省急诊医学质控中心专家，熟悉院前急救分级、急诊信息化与临床辅助决策系统的临床评价。",
    sectors: ["healthcare"], techTags: ["llm", "nlp", "knowledge_graph", "predictive_analytics"], maxConcurrent: 3,
    affiliations: [
      { orgName: "郑州大学第一附属医院", fromYear: 2009, toYear: null },
      { orgName: "郑州市第一人民医院", fromYear: 2002, toYear: 2009 },
    ],
  },
  {
    key: "li_xiumei", email: "li.xiumei@experts.example.cn", name: "李秀梅", title: "主任药师",
    expertise: "河南省人民医院药学部主任药师，从事临床药学与合理用药管理二十余年，主持医院处方审核规则库建设，参与省级合理用药监测网工作。",
    sectors: ["healthcare"], techTags: ["knowledge_graph", "nlp", "llm"], maxConcurrent: 3,
    affiliations: [{ orgName: "河南省人民医院", fromYear: 2003, toYear: null }],
  },
  {
    key: "han_dongmei", email: "han.dongmei@experts.example.cn", name: "韩冬梅", title: "教授",
    expertise: "河南中医药大学信息技术学院教授，研究中医药知识图谱、医学文本挖掘和临床决策支持，参与省级中医药数据中心建设。",
    sectors: ["healthcare", "research"], techTags: ["knowledge_graph", "nlp", "multimodal", "llm"], maxConcurrent: 3,
    affiliations: [{ orgName: "河南中医药大学", fromYear: 2012, toYear: null }],
  },
  {
    key: "guo_heqing", email: "guo.heqing@experts.example.cn", name: "郭河清", title: "正高级工程师",
    expertise: "从事水文预报、防汛调度和智慧水利规划设计，主持多座大中型水库调度方案与城市防洪排涝规划，熟悉河湖长制信息平台。",
    sectors: ["disaster_prevention", "ecology"], techTags: ["predictive_analytics", "spatiotemporal_data", "digital_twin", "remote_sensing"], maxConcurrent: 3,
    affiliations: [
      { orgName: "河南省水利勘测设计研究有限公司", fromYear: 2004, toYear: null },
      // A current part-time post at a seeded institute that holds shares in a seeded company:
      // the platform detects the conflict on that company's proposals (see ORGANISATION_LINKS).
      { vendorKey: "heluo_hydro", fromYear: 2022, toYear: null },
    ],
  },
  {
    key: "sun_weidong", email: "sun.weidong@experts.example.cn", name: "孙卫东", title: "研究员",
    expertise: "河南省科学院地理研究所研究员，研究遥感变化检测、实景三维和时空大数据融合，参与全省国土空间基础信息平台与黄河流域生态监测项目。",
    sectors: ["spatiotemporal", "ecology", "disaster_prevention"], techTags: ["remote_sensing", "spatiotemporal_data", "uav", "computer_vision"], maxConcurrent: 3,
    affiliations: [
      { orgName: "河南省科学院地理研究所", fromYear: 2021, toYear: null },
      // Left five years ago: outside the three-year window, so no conflict.
      { vendorKey: "shikong", fromYear: 2016, toYear: 2021 },
    ],
  },
  {
    key: "zhou_xiaoyan", email: "zhou.xiaoyan@experts.example.cn", name: "周晓燕", title: "研究员",
    expertise: "河南省农业科学院农业信息技术研究所研究员，从事作物长势遥感、病虫害智能监测和农业大数据，主持多项省级数字农业示范项目评估。",
    sectors: ["agriculture", "ecology", "spatiotemporal"], techTags: ["remote_sensing", "uav", "computer_vision", "predictive_analytics"], maxConcurrent: 3,
    affiliations: [{ orgName: "河南省农业科学院", fromYear: 2008, toYear: null }],
  },
  {
    key: "zhang_liqun", email: "zhang.liqun@experts.example.cn", name: "张立群", title: "教授级高级工程师",
    expertise: "国网河南省电力公司电力科学研究院教授级高级工程师，从事负荷预测、新能源功率预测和电力设备状态监测，熟悉能源物联网与安全生产监控。",
    sectors: ["energy", "industry", "ecology"], techTags: ["predictive_analytics", "smart_sensors", "digital_twin", "edge_computing"], maxConcurrent: 3,
    affiliations: [{ orgName: "国网河南省电力公司电力科学研究院", fromYear: 2007, toYear: null }],
  },
  {
    key: "chen_guodong", email: "chen.guodong@experts.example.cn", name: "陈国栋", title: "正高级工程师",
    expertise: "中铁工程装备集团有限公司盾构研究院正高级工程师，从事盾构装备状态监测、预测性维护和智能制造产线，参与多项国家重点研发计划项目。",
    sectors: ["industry", "energy", "logistics"], techTags: ["predictive_analytics", "digital_twin", "robotics", "embodied_ai"], maxConcurrent: 3,
    affiliations: [
      { orgName: "中铁工程装备集团有限公司", fromYear: 2015, toYear: null },
      { vendorKey: "yuzhou_mfg", fromYear: 2010, toYear: 2015 },
    ],
  },
  {
    key: "zhao_min", email: "zhao.min@experts.example.cn", name: "赵敏", title: "教授",
    expertise: "河南财经政法大学计算机与信息工程学院教授，研究金融风控、反欺诈图谱和隐私计算，曾参与社会保险基金监管与征信平台建设论证。",
    sectors: ["finance", "human_resources", "consumption"], techTags: ["risk_control", "knowledge_graph", "privacy_computing", "predictive_analytics"], maxConcurrent: 3,
    affiliations: [
      { orgName: "河南财经政法大学", fromYear: 2012, toYear: null },
      { orgName: "中国人民银行郑州中心支行", fromYear: 2004, toYear: 2012 },
    ],
  },
  {
    key: "yang_fan", email: "yang.fan@experts.example.cn", name: "杨帆", title: "高级工程师",
    expertise: "河南省信息中心高级工程师，从事政务大数据、一网通办和城市运行管理平台的规划与评估，熟悉政务热线、公共安全视频和就业服务系统。",
    sectors: ["government_services", "social_governance", "human_resources", "transport"], techTags: ["llm", "nlp", "ai_agent", "computer_vision"], maxConcurrent: 3,
    affiliations: [
      { orgName: "河南省信息中心", fromYear: 2020, toYear: null },
      { vendorKey: "zhengzhitong", fromYear: 2016, toYear: 2020 },
    ],
  },
  {
    key: "wu_xiaofeng", email: "wu.xiaofeng@experts.example.cn", name: "吴晓峰", title: "教授",
    expertise: "郑州航空工业管理学院教授，研究物流系统优化、交通流预测和智慧园区数字孪生，参与郑州航空港区多式联运与智慧交通规划。",
    sectors: ["logistics", "transport", "consumption", "culture_tourism"], techTags: ["optimization", "digital_twin", "predictive_analytics", "autonomous_driving"], maxConcurrent: 3,
    affiliations: [{ orgName: "郑州航空工业管理学院", fromYear: 2011, toYear: null }],
  },
];

/** Links between seeded organisations, as an admin would record them. */
export const ORGANISATION_LINKS: SeedOrganisationLink[] = [
  { fromKey: "heluo_hydro", toKey: "heyun", kind: "shareholder", note: "研究中心以流域洪水预报专利作价入股，持股15%。" },
  { fromKey: "zhisuan", toKey: "chuangmo", kind: "parent", note: "中原智算持股51%的控股子公司。" },
  { fromKey: "kuangzhi", toKey: "dianxin", kind: "same_group", note: "同属中原能源科技集团。" },
];
