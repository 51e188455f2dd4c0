/**
 * Universities' institutes and research institutes (揭榜方). All names are fictional; credit codes
 * are synthetic ("12" = 事业单位).
 */
import type { SeedVendor } from "./types";

export const INSTITUTES: SeedVendor[] = [
  {
    key: "songyue_ai", type: "institute", name: "嵩岳大学人工智能研究院", nameEn: "Songyue University Institute of Artificial Intelligence",
    creditCode: "124101724531765001", verified: true, district: "gaoxin", website: "https://ai.songyue-univ.example.org",
    intro: "嵩岳大学直属科研机构，建有自然语言处理与知识工程省级重点实验室，研究方向包括大模型对齐、知识图谱和多模态理解。",
    introEn: "Research institute of Songyue University with a provincial key laboratory for NLP and knowledge engineering; works on LLM alignment, knowledge graphs and multimodal understanding.",
    sectors: ["research", "education", "government_services", "healthcare"], techTags: ["llm", "knowledge_graph", "nlp", "multimodal"], districts: ["zhengzhou", "gaoxin", "henan"],
    products: ["嵩岳科研大模型", "知识图谱构建工具链"], certifications: ["省级重点实验室", "省级新型研发机构"], teamSize: 220,
    contactName: "孟庆和", contactPhone: "0371-67781026", contactEmail: "ai-office@songyue-univ.example.org",
    pastCases: [
      { title: "省级科技项目知识图谱", sector: "research", year: 2024, summary: "构建覆盖3万个科研项目、8万名专家的知识图谱，支撑专家遴选与查重。" },
      { title: "医学文献问答系统", sector: "healthcare", year: 2025, summary: "与医院合作研发循证医学问答，回答附带文献出处。" },
    ],
  },
  {
    key: "fuxi_agri", type: "institute", name: "河南伏羲农业智能研究院", nameEn: "Henan Fuxi Institute of Agricultural Intelligence",
    creditCode: "12410184456987923M", verified: true, district: "xinzheng", website: "https://fuxi-agri.example.org",
    intro: "农业人工智能研究机构，研发小麦种业大模型和农情遥感解译平台，长期开展病虫害监测预警研究。",
    introEn: "Agricultural AI institute developing a wheat breeding foundation model and a crop remote-sensing platform; long-standing pest and disease forecasting research.",
    sectors: ["agriculture", "research"], techTags: ["predictive_analytics", "remote_sensing", "llm", "knowledge_graph"], districts: ["xinzheng", "zhongmu", "henan"],
    products: ["小麦种业大模型", "农情遥感解译平台"], certifications: ["省级工程技术研究中心"], teamSize: 90,
    contactName: "葛春生", contactPhone: "0371-62691748", contactEmail: "office@fuxi-agri.example.org",
    pastCases: [
      { title: "小麦品种性状预测", sector: "agriculture", year: 2024, summary: "利用全基因组数据预测株高、抗倒伏等性状，预测准确度较传统方法提升15%。" },
      { title: "小麦病虫害知识图谱", sector: "agriculture", year: 2023, summary: "整理120种病虫害的症状、发生条件与防治措施，支持农技人员问答。" },
    ],
  },
  {
    key: "yizhi_med", type: "institute", name: "郑州医智融合研究院", nameEn: "Zhengzhou Institute for Medicine–AI Convergence",
    creditCode: "1241010041436420XD", verified: true, district: "zhengdong", website: "https://yizhi-med.example.org",
    intro: "医工交叉新型研发机构，建设高质量医疗数据集与医学专科模型训练平台，开展慢病管理智能体研究。",
    introEn: "Medicine–engineering research institute building high-quality medical datasets and a specialist-model training platform, with research on chronic-disease agents.",
    sectors: ["healthcare"], techTags: ["llm", "multimodal", "computer_vision", "knowledge_graph"], districts: ["zhengzhou", "zhengdong", "henan"],
    products: ["医学专科模型训练平台", "高质量医疗数据集"], certifications: ["省级新型研发机构", "医学伦理委员会备案"], teamSize: 110,
    contactName: "焦雅琳", contactPhone: "0371-55907320", contactEmail: "contact@yizhi-med.example.org",
    pastCases: [
      { title: "眼底影像筛查数据集建设", sector: "healthcare", year: 2024, summary: "完成5万例眼底照片多级标注，形成糖网病筛查标准测试集。" },
      { title: "高血压慢病管理智能体", sector: "healthcare", year: 2025, summary: "在2家社区卫生服务中心试点随访提醒与用药指导。" },
    ],
  },
  {
    key: "yuzhou_mfg", type: "institute", name: "豫州理工大学智能制造研究院", nameEn: "Yuzhou University of Technology Institute of Intelligent Manufacturing",
    creditCode: "12410173429314432A", verified: true, district: "jingkai", website: "https://im.yuzhou-tech.example.org",
    intro: "面向装备制造的研究院，研究方向包括盾构等重大装备预测性维护、数字孪生和具身智能仿真。",
    introEn: "Manufacturing research institute working on predictive maintenance of heavy equipment such as tunnel boring machines, digital twins and embodied-AI simulation.",
    sectors: ["industry", "energy", "research"], techTags: ["embodied_ai", "robotics", "digital_twin", "predictive_analytics"], districts: ["jingkai", "zhengzhou", "henan"],
    products: ["装备预测性维护模型", "具身智能仿真平台"], certifications: ["省级工程研究中心"], teamSize: 130,
    contactName: "鲍志远", contactPhone: "0371-66789215", contactEmail: "im@yuzhou-tech.example.org",
    pastCases: [
      { title: "盾构主轴承故障预测", sector: "industry", year: 2024, summary: "基于振动与油液数据提前两周预警主轴承异常，在4台设备上验证。" },
      { title: "火电机组辅机数字孪生", sector: "energy", year: 2023, summary: "建立引风机数字孪生模型，实现能效诊断与检修建议。" },
    ],
  },
  {
    key: "yinqi", type: "institute", name: "郑州殷契数字人文研究院", nameEn: "Zhengzhou Yinqi Institute of Digital Humanities",
    creditCode: "124101044630165948", verified: true, district: "guancheng", website: "https://yinqi-dh.example.org",
    intro: "古文字与数字人文研究机构，建有甲骨字形数据库，研发古文字检测识别与考释辅助模型。",
    introEn: "Palaeography and digital-humanities institute maintaining an oracle-bone glyph database and developing glyph detection, recognition and interpretation aids.",
    sectors: ["culture_tourism", "research", "education"], techTags: ["computer_vision", "ocr", "knowledge_graph", "multimodal"], districts: ["guancheng", "zhengzhou", "henan"],
    products: ["甲骨字形数据库", "古文字检测识别模型"], certifications: ["省级社科重点研究基地"], teamSize: 40,
    contactName: "甘文澜", contactPhone: "0371-66238415", contactEmail: "office@yinqi-dh.example.org",
    pastCases: [
      { title: "甲骨拓片字形切分与检索", sector: "culture_tourism", year: 2024, summary: "对1.5万片拓片完成字形切分，支持以形搜字。" },
      { title: "青铜器铭文识别试验", sector: "culture_tourism", year: 2025, summary: "对商周青铜器铭文图像进行单字检测与释读候选推荐。" },
    ],
  },
  {
    key: "heluo_hydro", type: "institute", name: "河南河洛水文智能研究中心", nameEn: "Henan Heluo Centre for Hydrological Intelligence",
    creditCode: "12410108443547865A", verified: true, district: "huiji", website: "https://heluo-hydro.example.org",
    intro: "流域水文与防洪研究机构，研发洪水预报模型、水库群联合调度和数字孪生流域。",
    introEn: "River-basin hydrology institute developing flood forecasting, joint reservoir operation and digital-twin basins.",
    sectors: ["disaster_prevention", "ecology"], techTags: ["predictive_analytics", "spatiotemporal_data", "digital_twin", "remote_sensing"], districts: ["zhengzhou", "huiji", "henan"],
    products: ["流域洪水预报模型", "数字孪生流域"], certifications: ["省级重点实验室"], teamSize: 60,
    contactName: "龚长河", contactPhone: "0371-63959426", contactEmail: "flood@heluo-hydro.example.org",
    pastCases: [
      { title: "黄河下游洪水演进模拟", sector: "disaster_prevention", year: 2023, summary: "二维水动力模型与机器学习耦合，洪峰到达时间预报误差小于1小时。" },
      { title: "水库群汛期联合调度", sector: "disaster_prevention", year: 2024, summary: "为4座水库提供预报调度方案比选。" },
    ],
  },
  {
    key: "tianshu_geo", type: "institute", name: "郑州天枢时空信息研究院", nameEn: "Zhengzhou Tianshu Institute of Spatio-temporal Information",
    creditCode: "124101004596017829", verified: false, district: "zhengdong", website: "https://tianshu-geo.example.org",
    intro: "时空信息新型研发机构，研究时空大模型、北斗高精度定位与城市时空知识图谱。",
    introEn: "Spatio-temporal research institute working on spatio-temporal foundation models, BeiDou high-precision positioning and urban spatio-temporal knowledge graphs.",
    sectors: ["spatiotemporal", "transport"], techTags: ["spatiotemporal_data", "remote_sensing", "llm"], districts: ["zhengdong", "zhengzhou", "henan"],
    products: ["时空大模型原型", "北斗高精度定位服务"], certifications: ["省级新型研发机构"], teamSize: 50,
    contactName: "尹思齐", contactPhone: "0371-55682904", contactEmail: "lab@tianshu-geo.example.org",
    pastCases: [
      { title: "城市时空知识图谱", sector: "spatiotemporal", year: 2025, summary: "关联POI、路网与人口数据，支持自然语言时空查询。" },
    ],
  },
  {
    key: "xincai_compute", type: "institute", name: "郑州新材料计算研究院", nameEn: "Zhengzhou Institute of Materials Computation",
    creditCode: "12410172477945247W", verified: true, district: "gaoxin", website: "https://xincai-compute.example.org",
    intro: "材料计算研究机构，建有高通量计算工作流和材料性能预测平台，服务超硬材料、耐火材料等本地产业。",
    introEn: "Materials-computation institute with high-throughput workflows and property prediction, serving local superhard and refractory materials industries.",
    sectors: ["research", "industry"], techTags: ["predictive_analytics", "llm", "knowledge_graph"], districts: ["gaoxin", "zhengzhou", "henan"],
    products: ["材料性能预测平台", "高通量计算工作流"], certifications: ["省级新型研发机构", "CNAS实验室认可"], teamSize: 70,
    contactName: "俞晓晨", contactPhone: "0371-67986127", contactEmail: "office@xincai-compute.example.org",
    pastCases: [
      { title: "超硬材料配方智能筛选", sector: "research", year: 2024, summary: "从1.2万种候选配方中筛选出30种，实验验证性能达标率60%。" },
    ],
  },
  {
    key: "edu_eval", type: "institute", name: "河南教育智能评测研究中心", nameEn: "Henan Centre for Intelligent Educational Assessment",
    creditCode: "12410105438612327Q", verified: false, district: "jinshui", website: "https://edu-eval.example.org",
    intro: "教育测评研究机构，研究作文智能评分、学业质量评价模型和评测公平性。",
    introEn: "Educational-assessment research centre working on automated essay scoring, academic quality models and assessment fairness.",
    sectors: ["education"], techTags: ["nlp", "llm", "predictive_analytics"], districts: ["jinshui", "zhengzhou", "henan"],
    products: ["作文智能评分", "学业质量评价模型"], certifications: [], teamSize: 35,
    contactName: "温雅", contactPhone: "0371-65937218", contactEmail: "center@edu-eval.example.org",
    pastCases: [
      { title: "作文智能评分一致性研究", sector: "education", year: 2024, summary: "在2万篇样本上与双评教师评分的一致率达到93%。" },
    ],
  },
];
