/**
 * Who proposed what (揭榜申报): for every scenario past its deadline, the 3–5 seeded vendors and
 * institutes that fit it (only the invited ones for 定向委托), and a few proposals on open calls.
 * `angle` is each team's own idea in a sentence or two; prisma/seed-data/proposal-text.ts builds
 * the full technical approach, team, cases and milestones around it from the scenario's fields.
 *
 * `quality` (0–1) is how strong the evaluators find the proposal: it drives the seeded scores, and
 * after evaluation the strongest (raceTeams of them in a horse race, else one) is the one chosen.
 * `budgetAt` places the bid in the scenario's budget range (0 = the minimum, 1 = the maximum).
 * The texts never name the proposing organisation, as blind review asks of every vendor.
 */
export type SeedProposalPlan = {
  vendorKey: string;
  angle: string;
  quality: number;
  budgetAt: number;
  consortium?: { name: string; role: string }[];
};

export type SeedOpenProposal = SeedProposalPlan & { code: string; status: "draft" | "submitted" };

export const PROPOSALS_AFTER_CLOSE: Record<string, SeedProposalPlan[]> = {
  // 高层建筑与"九小场所"火灾智能感知预警 (closed)
  "HA-2026-0010": [
    { vendorKey: "huoyan", quality: 0.8, budgetAt: 0.55, angle: "以自有消防物联网平台为底座，电气火灾监控、独立式烟感和可燃气体探测统一接入，前端烟火视频识别与传感器报警交叉印证，把误报压到每百点位每月1次以下。" },
    { vendorKey: "anshi", quality: 0.72, budgetAt: 0.4, angle: "复用已在社区安防中规模部署的视频结构化引擎，持续识别楼道堆物、电动车入户和消防通道占用，识别结果与“九小场所”网格巡查台账打通。" },
    { vendorKey: "kuangzhi", quality: 0.62, budgetAt: 0.35, angle: "把井下防爆边缘计算盒和多传感器融合预警模型迁移到高层建筑电气井、配电室等受限空间，断网时边缘侧仍可独立预警。" },
    { vendorKey: "yimou", quality: 0.55, budgetAt: 0.3, angle: "以无人机机场对高层建筑外立面和屋顶定期开展热红外巡检，发现外墙保温层和屋顶设备的过热隐患，作为固定感知的补充。" },
  ],
  // 全省统一地理时空数据基底与时空大模型 (award_proposed)
  "HA-2026-0007": [
    { vendorKey: "shikong", quality: 0.86, budgetAt: 0.6, angle: "以已建成的市级时空数据底座为基础，按“一张图、一个库、一个模型”统一全省坐标、时相和语义标准；联合体成员负责时空大模型预训练与北斗高精度定位，形成“底座+模型+应用”的完整链条。", consortium: [{ name: "郑州天枢时空信息研究院", role: "时空大模型预训练与北斗定位服务" }] },
    { vendorKey: "songyue_ai", quality: 0.72, budgetAt: 0.5, angle: "以自研科研大模型为基础，引入遥感影像与矢量数据的多模态编码器，重点攻关自然语言到空间查询的转换，并建立时空推理评测基准。" },
    { vendorKey: "zhisuan", quality: 0.66, budgetAt: 0.4, angle: "以政务大模型平台和推理一体机提供算力与模型服务，时空数据接入采用合作伙伴的数据底座，侧重自然资源业务问答与审批辅助应用。" },
    { vendorKey: "yimou", quality: 0.55, budgetAt: 0.25, angle: "以无人机倾斜摄影快速生产重点区域实景三维，按季度更新变化区域，为时空数据基底提供高时效的影像数据源。" },
  ],
  // 科技创新智能体：科技文献数据挖掘与项目查重 (closed)
  "ZZ-2026-0023": [
    { vendorKey: "songyue_ai", quality: 0.8, budgetAt: 0.5, angle: "已为省级科技项目建设覆盖3万个项目、8万名专家的知识图谱，本项目在其上增加段落级语义查重和回避关系推理，查重结论附相似段落对照与出处。" },
    { vendorKey: "zhisuan", quality: 0.74, budgetAt: 0.5, angle: "以知识库问答智能体引擎为核心，构建申报书、论文、专利三类向量索引，智能体按“检索—比对—生成报告”流程工作，指南编制支持热点主题聚类。" },
    { vendorKey: "zhengzhitong", quality: 0.6, budgetAt: 0.5, angle: "将政务材料智能预审中的文档结构化和要素抽取能力用于申报书解析，先做形式审查和字段级比对，再叠加语义相似度检测。" },
  ],
  // 盾构装备预测性维护工业大模型 (award_proposed)
  "HA-2026-0011": [
    { vendorKey: "yuzhou_mfg", quality: 0.85, budgetAt: 0.55, angle: "依托装备预测性维护模型和具身智能仿真平台，融合主驱动、刀盘、推进系统的多源传感数据与掘进工况，构建“机理+数据”的剩余寿命预测与故障诊断工业大模型。" },
    { vendorKey: "songyue_ai", quality: 0.7, budgetAt: 0.5, angle: "以工业知识图谱整合盾构维修手册、故障案例和专家经验，大模型提供故障问答与处置建议，预测模型与现场数据联合训练。" },
    { vendorKey: "qingzhi", quality: 0.64, budgetAt: 0.45, angle: "以复合移动操作机器人完成刀具磨损自动检测与换刀辅助，用视觉检测数据训练刀具寿命预测模型，减少带压进仓作业。" },
    { vendorKey: "kuangzhi", quality: 0.6, budgetAt: 0.35, angle: "迁移矿山设备的振动与温度监测、边缘预警方案，重点覆盖主轴承和减速机的早期故障识别，在隧道内边缘侧完成实时诊断。" },
  ],
  // 智慧矿山：井下安全隐患AI视频识别与预警 (in_delivery, directed)
  "HA-2026-0013": [
    { vendorKey: "kuangzhi", quality: 0.84, budgetAt: 1, angle: "井下AI视频隐患识别已在省内多座煤矿运行，本项目在新密矿区扩展到人员违章、皮带跑偏、煤量异常和瓦斯超限联动，防爆边缘计算盒就地推理，断网不断预警。" },
    { vendorKey: "yuzhou_mfg", quality: 0.7, budgetAt: 1, angle: "以矿山设备数字孪生为主线，把视频识别结果与采掘设备状态、环境监测数据统一映射到三维巷道模型，支撑隐患闭环管理。" },
  ],
  // 电网负荷与分布式光伏功率智能预测 (closed)
  "ZZ-2026-0016": [
    { vendorKey: "dianxin", quality: 0.78, budgetAt: 0.45, angle: "负荷预测SaaS已服务多家工业园区，本项目融合气象格点预报、分布式光伏逆变器数据和用户侧负荷，构建日前、日内、超短期三个时间尺度的预测模型。" },
    { vendorKey: "yuzhou_mfg", quality: 0.66, budgetAt: 0.6, angle: "以工业企业用能数字孪生为切入点，对园区重点用户的生产计划与用电曲线联合建模，提升大工业负荷的预测精度。" },
    { vendorKey: "heyun", quality: 0.6, budgetAt: 0.35, angle: "迁移水文气象耦合预报的方法，利用高分辨率降水与云量预报改进光伏功率预测，重点解决阴雨和沙尘天气下的预测偏差。" },
  ],
  // 智慧畜牧：规模养殖场环境智能调控与饲料配方生成 (awarded)
  "ZZ-2025-0044": [
    { vendorKey: "fuxi_agri", quality: 0.84, budgetAt: 0.5, angle: "在规模养殖场部署温湿度、氨气、二氧化碳传感网络，环境调控模型联动风机与湿帘；饲料配方大模型结合原料价格与营养标准生成低成本配方，由畜牧师确认后执行。" },
    { vendorKey: "suixin", quality: 0.7, budgetAt: 0.6, angle: "以动物营养与基因组数据建模，按品种、生长阶段预测日增重和料肉比，饲料配方以精准营养为目标动态调整。" },
    { vendorKey: "hetian", quality: 0.66, budgetAt: 0.4, angle: "把田间物联感知和长势监测经验延伸到养殖场环境监测，提供传感终端和可视化平台，配方生成采用规则与优化算法。" },
  ],
  // 数字孪生黄河（郑州段）生态风险智能感知与处置 (evaluating)
  "HA-2026-0006": [
    { vendorKey: "heluo_hydro", quality: 0.82, budgetAt: 0.55, angle: "以数字孪生流域和洪水预报模型为核心，构建河道—滩区—湿地一体化孪生体，耦合水文、泥沙与生态模型，支撑洪水、断流和生态退化风险推演。" },
    { vendorKey: "shikong", quality: 0.78, budgetAt: 0.6, angle: "以实景三维和时空数据底座快速构建郑州段高精度数字孪生场景，遥感变化检测识别滩区违建、湿地萎缩，统一纳入风险一张图。" },
    { vendorKey: "lvjing", quality: 0.66, budgetAt: 0.45, angle: "以生态环境一张图和水质自动站AI预警为基础，重点建设水质与湿地生态健康风险的感知与预测模型。" },
    { vendorKey: "yimou", quality: 0.6, budgetAt: 0.35, angle: "以无人机机场实现黄河郑州段自动巡护，航拍影像AI解译发现非法采砂、倾倒和植被破坏，为孪生体提供高频更新数据。" },
  ],
  // 视频图像智能研判辅助案件侦查 (notice, directed)
  "ZZ-2026-0021": [
    { vendorKey: "anshi", quality: 0.83, budgetAt: 1, angle: "以多模态视频检索引擎支持用自然语言描述查找人员和车辆，案件视频自动摘要、时空轨迹串并，研判结论均附视频证据片段和置信度。" },
    { vendorKey: "songyue_ai", quality: 0.68, budgetAt: 1, angle: "提供多模态大模型与视频理解算法，重点攻关跨镜头目标关联和低质量视频增强，工程化部署依托合作企业完成。" },
  ],
  // 龙子湖智慧岛自动驾驶微循环接驳 (completed)
  "ZZ-2025-0037": [
    { vendorKey: "xingche", quality: 0.8, budgetAt: 1, angle: "以路口雷视一体机构建车路协同感知，接驳车采用L4级低速自动驾驶套件，云端调度平台按客流动态发车，安全员可远程接管。", consortium: [{ name: "郑州龙湖智行客运有限公司", role: "车辆运营与安全员管理" }] },
    { vendorKey: "qingzhi", quality: 0.66, budgetAt: 1, angle: "把AGV集群调度和多传感器融合定位经验迁移到园区低速接驳，提供小型无人接驳车和调度系统。" },
    { vendorKey: "anshi", quality: 0.62, budgetAt: 1, angle: "以路侧视频结构化和边缘计算提供盲区预警，车辆自动驾驶系统由合作车企提供，本方负责路侧感知与安全监控平台。" },
  ],
  // 航空港智能物流园仓配一体化数字孪生 (in_delivery, horse race of two)
  "ZZ-2025-0045": [
    { vendorKey: "tuolu", quality: 0.84, budgetAt: 1, angle: "以物流园区数字孪生平台为底座，订单、库存、车辆与月台实时映射，仓配一体调度优化入库、拣选和干线配送计划。" },
    { vendorKey: "qingzhi", quality: 0.8, budgetAt: 1, angle: "以AGV集群调度和复合机器人实现仓内无人化作业，孪生体用于机器人路径仿真和产能评估，重点提升跨境电商小件分拣效率。" },
    { vendorKey: "yuzhou_mfg", quality: 0.64, budgetAt: 1, angle: "以具身智能仿真平台构建园区作业仿真环境，提供设备预测性维护和作业瓶颈分析。" },
  ],
  // 文旅大模型：嵩山景区智能导游与客流预测 (completed)
  "ZZ-2025-0040": [
    { vendorKey: "luyou", quality: 0.82, budgetAt: 1, angle: "景区AI导游已在多家景区上线，本项目基于嵩山文化知识库微调导览大模型，支持语音问答和个性化路线，客流预测看板融合票务、停车和天气数据。" },
    { vendorKey: "wenyuan", quality: 0.74, budgetAt: 1, angle: "以嵩山历史建筑群三维数字化和数字人讲解员为特色，智能导游突出文化深度讲解，客流预测由合作方提供。" },
    { vendorKey: "shangxun", quality: 0.6, budgetAt: 1, angle: "以商圈客流分析经验构建景区客流预测与预警，结合生成式营销内容提升淡季客源。" },
  ],
  // 社会保险基金智慧风控与防欺诈 (evaluating)
  "HA-2026-0012": [
    { vendorKey: "jinxin", quality: 0.82, budgetAt: 0.55, angle: "以反欺诈图谱引擎串联参保人、医疗机构、经办人员和资金流，识别冒领、重复领取和虚假参保团伙；以隐私计算联合卫健、民政、公安数据建模，数据可用不可见。" },
    { vendorKey: "songyue_ai", quality: 0.7, budgetAt: 0.6, angle: "以知识图谱和大模型构建社保政策与稽核规则知识库，疑点解释自动生成，提升稽核报告编写效率。" },
    { vendorKey: "zhengzhitong", quality: 0.66, budgetAt: 0.4, angle: "从经办业务切入，在待遇申领和资格认证环节嵌入智能核验，材料识别与规则模型前置拦截疑点，疑点工单推送稽核人员。" },
    { vendorKey: "renzhi", quality: 0.58, budgetAt: 0.3, angle: "利用就业与参保数据交叉比对，识别失业保险金领取期间就业、虚假就业套取补贴等风险。" },
  ],
  // 就业岗位智能匹配与职业技能培训推荐 (notice)
  "ZZ-2026-0017": [
    { vendorKey: "renzhi", quality: 0.8, budgetAt: 0.4, angle: "人岗智能匹配已在区县人力资源市场应用，本项目构建覆盖全市岗位的技能画像，向求职者推荐岗位并给出技能差距和对应培训课程。" },
    { vendorKey: "zhengzhitong", quality: 0.68, budgetAt: 0.5, angle: "以政务办事智能导办为入口，把就业登记、岗位推荐和补贴申领串成“一件事”办理。" },
    { vendorKey: "zhisuan", quality: 0.64, budgetAt: 0.6, angle: "以政务大模型平台构建就业政策问答和简历智能解析，岗位推荐采用向量检索与规则过滤。" },
  ],
  // 二七商圈客流分析与智能营销服务平台 (awarded)
  "ZZ-2025-0046": [
    { vendorKey: "shangxun", quality: 0.8, budgetAt: 0.45, angle: "商圈客流分析产品基于手机信令与视频客流融合统计，营销内容按客群画像和节庆热点自动生成图文，活动效果可追踪。" },
    { vendorKey: "luyou", quality: 0.68, budgetAt: 0.5, angle: "以文旅营销文案生成为特色，结合商圈文化元素策划线上内容，客流看板沿用景区产品。" },
    { vendorKey: "bochuan", quality: 0.6, budgetAt: 0.35, angle: "以停车数据反映到店客流，车位诱导与商户优惠券联动，改善商圈停车体验。" },
  ],
  // 基层中医智能经络检测与辅助辨证 (completed, directed)
  "HA-2025-0021": [
    { vendorKey: "yizhi_med", quality: 0.84, budgetAt: 1, angle: "以医学专科模型训练平台训练舌象、脉象多模态辨证模型，结合中医知识图谱给出证型建议与依据，中医师确认后生成处方草稿。" },
    { vendorKey: "yaosheng", quality: 0.68, budgetAt: 1, angle: "以中西药相互作用检测和合理用药知识库为核心，重点做配伍禁忌提示，经络检测设备数据分析由合作单位提供。" },
  ],
  // 应急预案智能管理与数字化演练辅助 (in_delivery)
  "ZZ-2025-0041": [
    { vendorKey: "anlan", quality: 0.85, budgetAt: 1, angle: "应急预案数字化管理系统已在省内多个地市应用，本项目把全市各级预案结构化为可执行的任务清单，桌面推演辅助平台按情景自动生成演练脚本并评估响应时效。" },
    { vendorKey: "zhisuan", quality: 0.7, budgetAt: 1, angle: "以知识库问答智能体引擎解析预案文本，构建预案知识库和问答助手，演练评估报告自动生成。" },
    { vendorKey: "heyun", quality: 0.6, budgetAt: 1, angle: "以城市内涝数字孪生平台为底座开展防汛专项预案的情景推演，重点覆盖暴雨内涝场景。" },
  ],
  // 处方前置审核智能辅助医学专科模型 (evaluating, horse race of two)
  "HA-2026-0003": [
    { vendorKey: "yaosheng", quality: 0.82, budgetAt: 0.5, angle: "处方前置审核引擎已在省内10余家医院运行，本项目以合理用药知识库为检索底座，大模型负责超说明书用药、中西药联用等复杂情形的判断，并给出说明书和指南条目依据。", consortium: [{ name: "郑州大学第二附属医院", role: "临床验证与药师复核" }] },
    { vendorKey: "yizhi_med", quality: 0.78, budgetAt: 0.55, angle: "以医学专科模型训练平台训练处方审核专科模型，构建覆盖门诊和住院的高质量审核数据集，药师复核意见在线回流持续优化。" },
    { vendorKey: "songyue_ai", quality: 0.7, budgetAt: 0.6, angle: "以医学文献问答系统为基础，重点攻关审核依据的溯源与可解释，模型输出可定位到说明书段落和指南条目。" },
    { vendorKey: "qiheng_med", quality: 0.56, budgetAt: 0.35, angle: "以影像质控云平台的部署与运维体系支撑多院区上线，审核模型采用规则引擎与通用大模型组合。" },
  ],
  // 120院前急救智能调度与呼救分级辅助 (evaluating, fully scored)
  "ZZ-2026-0015": [
    { vendorKey: "shuyin", quality: 0.84, budgetAt: 0.5, angle: "热线语音转写与质检系统已在多地政务和急救热线运行，方言识别模型在本地通话上复训；要素抽取和分级建议均标出呼救人原话依据，由调度员一键确认。" },
    { vendorKey: "yizhi_med", quality: 0.76, budgetAt: 0.6, angle: "以医学专科模型训练平台训练院前急救分级模型，分级规则由急救医学专家标注的高质量数据集驱动，临床验证拟在郑州大学第一附属医院急诊医学科开展，语音转写采用合作厂商引擎。" },
    { vendorKey: "songyue_ai", quality: 0.7, budgetAt: 0.55, angle: "以医学文献问答系统的循证能力支撑分级依据解释，负责分级模型与评测基准，工程部署由合作单位承担。" },
    { vendorKey: "anlan", quality: 0.64, budgetAt: 0.4, angle: "以应急指挥调度经验为基础，重点建设车辆就近调度和急救资源态势一张图，分级建议采用规则库。" },
  ],
  // 河湖“四乱”问题智能巡查与水域岸线监管 (evaluating, blind review)
  "ZZ-2026-0018": [
    { vendorKey: "yimou", quality: 0.8, budgetAt: 0.4, angle: "以4处机巢为基础扩建无人机自动巡河航线，航拍影像AI解译识别乱采、乱堆、乱建，边缘侧完成初筛，重点河段每周巡查不少于3次。", consortium: [{ name: "郑州天枢时空信息研究院", role: "北斗定位与航线规划" }] },
    { vendorKey: "shikong", quality: 0.76, budgetAt: 0.6, angle: "以季度卫星遥感变化检测和实景三维发现岸线新增建筑与堆放，图斑自动与河湖管理范围线、生态保护红线叠加，减少误报。" },
    { vendorKey: "heyun", quality: 0.72, budgetAt: 0.5, angle: "以雨量水位物联感知终端和河道数字孪生数据为基础，把“四乱”识别结果与水位、管理范围线叠加研判，问题直接推送河长制平台。" },
    { vendorKey: "anshi", quality: 0.66, budgetAt: 0.35, angle: "把沿河约420路视频接入视频结构化引擎，识别夜间采砂船、倾倒车辆和人员违规行为并实时告警。" },
  ],
};

/** Proposals on open calls: sealed until the deadline; drafts still being written. */
export const OPEN_PROPOSALS: SeedOpenProposal[] = [
  // The demo vendor (中原智算): one handed in, one draft.
  { code: "ZZ-2026-0001", vendorKey: "zhisuan", status: "submitted", quality: 0.75, budgetAt: 0.5, angle: "以知识库问答智能体引擎整合防汛预案、历史会商纪要和水雨情数据，会商助手按雨情自动生成会商材料初稿，专家经验沉淀为可检索的知识条目。" },
  { code: "HA-2026-0004", vendorKey: "zhisuan", status: "draft", quality: 0.75, budgetAt: 0.5, angle: "以政务大模型平台构建全省政策知识库和办事指引智能体，政策原文逐条溯源，办事指引直接生成材料清单和办理路径。" },
  { code: "ZZ-2026-0001", vendorKey: "heluo_hydro", status: "submitted", quality: 0.75, budgetAt: 0.45, angle: "以流域洪水预报模型提供降雨—产流—内涝预报，专家知识库侧重防汛调度规则和历史典型暴雨复盘。" },
  { code: "ZZ-2026-0002", vendorKey: "heyun", status: "submitted", quality: 0.75, budgetAt: 0.5, angle: "以水库水位智能预测模型为基础，耦合上游降雨预报与入库流量，提供72小时水位滚动预测和调度建议。" },
  { code: "ZZ-2026-0012", vendorKey: "qiheng_med", status: "submitted", quality: 0.75, budgetAt: 0.55, angle: "肺结节CT智能筛查系统和乳腺钼靶AI辅助诊断软件均已取得第二类医疗器械注册证，本项目依托市级影像云部署到30家基层机构，形成上级医院复核闭环。" },
  { code: "ZZ-2026-0012", vendorKey: "yizhi_med", status: "draft", quality: 0.75, budgetAt: 0.6, angle: "以医学影像大模型生成结构化报告初稿，检出模型采用合作厂商已注册的产品。" },
  { code: "HA-2026-0008", vendorKey: "songyue_ai", status: "submitted", quality: 0.75, budgetAt: 0.5, angle: "以科研大模型为底座进行材料文献与专利知识抽取，联合体成员负责高通量计算工作流与性能预测模型，与中试线联动闭环迭代。", consortium: [{ name: "郑州新材料计算研究院", role: "高通量计算与材料数据" }] },
  { code: "ZZ-2026-0005", vendorKey: "hetian", status: "submitted", quality: 0.75, budgetAt: 0.5, angle: "智能虫情测报灯和植保无人机巡田系统已在多个县区应用，本项目构建天空地一体监测网络，预警结合气象数据给出7天以上的趋势。" },
];
