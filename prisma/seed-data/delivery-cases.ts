// 典型案例的演示内容：目录中已验收场景的方案与成效，以及另建的已验收场景（郑州、河南的真实主题）。
// Demo content of delivered cases: what the catalogue's completed scenarios achieved, and further
// completed scenarios of the plans' themes, each with its department, vendor, KPIs and results.

/** Solution and results (one per KPI, in the scenario's order) for the catalogue's completed scenarios. */
export const CATALOGUE_CASES: Record<string, { solution: string; results: string[] }> = {
  "ZZ-2025-0037": {
    solution: "在龙子湖智慧岛 6.8 公里环线部署 12 处雷视一体路侧感知和 4 台 L4 级低速接驳车，云端调度平台按地铁到站客流动态发车，安全员可远程接管。",
    results: ["试运营 90 天累计 1.2 万公里，人工接管 7 次，折合百公里 0.06 次", "准点率 97.3%（工作日早晚高峰 96.1%）"],
  },
  "ZZ-2025-0040": {
    solution: "以嵩山“天地之中”历史建筑群文化知识库微调导览大模型，小程序语音问答覆盖少林寺、嵩阳书院等 8 处景点；客流预测融合票务、停车场与天气数据，提前 72 小时给出分时段预测。",
    results: ["第三方抽测 1,000 题准确率 93.6%", "国庆、五一等 6 个节假日平均误差 7.8%"],
  },
  "HA-2025-0021": {
    solution: "在 32 家乡镇卫生院部署经络检测设备与辅助辨证系统，辨证模型基于 4.6 万份基层中医病例训练，配伍禁忌规则库覆盖“十八反”“十九畏”及常用中成药。",
    results: ["与 3 位省级名中医一致率 87.2%（500 例盲评）", "配伍禁忌识别准确率 99.1%"],
  },
};

export type OwnCase = {
  code: string; departmentKey: string; vendorKey: string; title: string; titleEn: string; summary: string; summaryEn: string;
  sector: string; district: string; techTags: string[]; kpis: string[]; budget: number; monthsAgo: number;
  milestones: string[]; solution: string; results: string[];
};

/** Completed scenarios created by the delivery seed (older calls, delivered on the platform). */
export const OWN_CASES: OwnCase[] = [
  {
    code: "ZZ-2024-0031", departmentKey: "zz_health", vendorKey: "yaosheng",
    title: "社区卫生服务中心处方前置智能审核（一期）", titleEn: "Pre-dispensing prescription review for community health centres (phase 1)",
    summary: "在社区卫生服务中心门诊处方开具环节实时审核用药合理性，提示配伍禁忌、超剂量和重复用药。",
    summaryEn: "Real-time review of outpatient prescriptions in community health centres: interactions, overdoses and duplicates flagged before dispensing.",
    sector: "healthcare", district: "zhengzhou", techTags: ["llm", "knowledge_graph"], kpis: ["不合理处方识别率 ≥ 90%", "单张处方审核耗时 ≤ 2秒"],
    budget: 1_800_000, monthsAgo: 5, milestones: ["规则库与知识图谱构建", "10 家中心试点上线", "全市推广与验收"],
    solution: "以药品说明书、临床指南构建用药知识图谱，结合医学大模型对处方进行语义审核，嵌入 46 家社区卫生服务中心 HIS 开方界面，审核意见随处方实时返回。",
    results: ["抽检 3,000 张处方识别率 94.2%", "平均 0.8 秒，峰值 1.6 秒"],
  },
  {
    code: "ZZ-2024-0033", departmentKey: "zz_ecology", vendorKey: "lvjing",
    title: "贾鲁河流域水质异常智能预警", titleEn: "Water-quality anomaly early warning for the Jialu River basin",
    summary: "汇聚贾鲁河干支流 28 个自动监测站数据，识别水质异常并溯源疑似排口。",
    summaryEn: "Data from 28 automatic stations on the Jialu River and its tributaries: anomalies detected and traced to suspected outfalls.",
    sector: "ecology", district: "zhengzhou", techTags: ["predictive_analytics", "smart_sensors"], kpis: ["异常预警提前量 ≥ 2小时", "溯源定位准确率 ≥ 80%"],
    budget: 2_400_000, monthsAgo: 8, milestones: ["监测数据治理", "预警模型上线", "溯源联动与验收"],
    solution: "建立站点间水质传播时滞模型，融合降雨与排口台账，异常时自动生成溯源排查清单推送执法终端。",
    results: ["平均提前 3.1 小时", "23 起事件中 20 起定位正确（87%）"],
  },
  {
    code: "HA-2024-0012", departmentKey: "ha_agri", vendorKey: "yimou",
    title: "小麦条锈病无人机巡田监测", titleEn: "UAV field patrols for wheat stripe rust",
    summary: "在豫南麦区用多光谱无人机巡田，早期识别条锈病发病中心并生成防治处方图。",
    summaryEn: "Multispectral UAV patrols over southern Henan wheat fields: early detection of stripe rust foci and treatment maps.",
    sector: "agriculture", district: "henan", techTags: ["uav", "computer_vision", "remote_sensing"], kpis: ["发病中心识别准确率 ≥ 85%", "单架次巡田面积 ≥ 2000亩"],
    budget: 1_500_000, monthsAgo: 11, milestones: ["样本采集与模型训练", "驻马店示范区巡田"],
    solution: "多光谱与可见光双载荷无人机按航线巡田，边缘端识别叶片黄化条斑，云端汇总为发病中心分布和精准施药处方图。",
    results: ["田间核查 412 点，准确率 89.6%", "平均每架次 2,650 亩"],
  },
  {
    code: "ZZ-2024-0035", departmentKey: "zz_jinshui", vendorKey: "bochuan",
    title: "金水区智慧停车诱导与错时泊位共享", titleEn: "Parking guidance and off-peak space sharing in Jinshui District",
    summary: "整合区内路内泊位与机关、医院、商场停车场，实时诱导并在夜间向居民开放错时共享泊位。",
    summaryEn: "On-street spaces and car parks of offices, hospitals and malls in one system: live guidance and night-time sharing for residents.",
    sector: "transport", district: "jinshui", techTags: ["computer_vision", "optimization"], kpis: ["泊位状态识别准确率 ≥ 98%", "共享泊位 ≥ 3000个"],
    budget: 3_200_000, monthsAgo: 3, milestones: ["泊位数据接入", "诱导屏与小程序上线", "错时共享运营验收"],
    solution: "高位视频识别路内泊位状态，停车场数据统一接入，诱导屏与小程序实时引导；夜间按居住区需求匹配错时共享泊位并在线预约。",
    results: ["准确率 99.2%（人工核查 2 万次）", "共享泊位 3,460 个，月均预约 1.1 万次"],
  },
];
