/**
 * Words that are never evidence of a fit: function words, the filler every AI text is made of
 * (自动, 智能, 系统, 平台, 数字 …, "we deliver end-to-end AI solutions"), place names and the names
 * of organisations. A listing and a profile that share only these share nothing.
 */
import { DISTRICTS } from "../../app/modules/scenarios/catalog";

const ZH_FILLER = `
人工智能 智能 智慧 自动 自动化 系统 平台 数字 数字化 信息化 智能化 网络化 一体化 解决方案 方案 整体 全栈 一站式 全流程 全场景
提供 提供商 服务 服务商 建设 建成 应用 企业 公司 有限公司 集团 产品 技术 能力 实现 提升 提高 支撑 支持 面向 基于 利用 运用 依托
构建 搭建 打造 推进 推动 探索 相关 领域 行业 各类 各行业 千行百业 赋能 覆盖 场景 需求 项目 试点 示范 中台 开放 科技 研发 研究
开发 专注 聚焦 致力于 拥有 具备 包括 涵盖 主要 多种 多个 多项 一批 全市 全省 全国 市级 省级 县级 区级 重点 高效 精准 全面 有效
以及 进行 开展 完成 形成 工具 软件 引擎 助手 小程序 APP 云平台 体系 机制 工作 业务 单位 机构 部门 人员 问题 效率 水平 方式 模式
过程 环节 要求 内容 信息 资源 国产 国产化 新型 先进 领先 首创 行动计划 行动方案 政策 文件 通知 背景 场景资源 技术路线 期望
路线 阶段 赛马 揭榜挂帅 揭榜 挂帅 定向委托 团队 两支 胜出 第一阶段 第二阶段 目标 指标 成果 经验 能够 可以 需要 通过 相应 一定 不少 不低于 不超过 以上 以下 左右 约 等 及 与 和
或 并 在 对 为 将 已 于 其 该 此 各 每 个 家 次 项 条 种 年 月 日 天 小时 分钟 秒 万 亿 千 百 元 万元 亿元 人次 台 座 处 份 件 名
传统 现有 目前 当前 逐步 持续 不断 进一步 加快 加强 深化 完善 优化升级 转型 数字化转型 创新 发展 高质量 新质生产力 生态 生态圈
合作 联合 协同 共享 集成 融合 统一 规范化 标准化 自主可控 安全可控 可靠 稳定 便捷 快速 及时 精细化 智能化改造 全过程 全天候
用户 客户 行业用户 政府 政企 部署 上线 运行 运营 运维 交付 落地 推广 复制 规模化 一张图 一张网 底座 中枢 大脑 引领 标杆 典型
面议 预算 采购 试用 合格 验收 定向 委托 申报 招标 投标 报价 付款 支付 经费 资金 财政 中标 供应商 承担 牵头 参与 联合体 业绩 受邀
案例 示范区 先导区 创新中心 研究院 研究所 实验室 重点实验室 工程中心 高新技术企业 专精特新 认证 资质 备案 证书 乙级 甲级 三级
配备 配置 加装 安装 布设 接入 对接 汇聚 汇集 采集 处理 输出 推送 回传 生成式 自动生成 自主 人工 依赖 较大 较低 较高 显著
`;

const EN_FILLER = `
a an the and or of for to in on at by with from into over per via as is are be been being was were it its this that these those
we our us you your they their them he she his her i my me who which what when where how all any every each both some such
can could will would should may might must do does did done has have had not no nor only also than then so very more most
ai artificial intelligence intelligent smart system systems platform platforms solution solutions digital digitisation digitization
company companies co ltd inc group corporation provide provides provided provider providers deliver delivers delivered delivering
offer offers offering service services enterprise enterprises business businesses industry industries sector sectors client clients
customer customers technology technologies tech build builds built building based using use used uses support supports supported
end full stack full-stack one-stop one stop every-day new innovative leading advanced powerful integrated integration comprehensive
across including include includes such other etc make makes made help helps helping enable enables enabling empower empowers
automatic automatically automated intelligently efficiently efficient high quality well best better world class first henan
zhengzhou china chinese city cities province provincial municipal county district districts national
about above after again against along already although always among another around because before behind below
beneath beside besides between beyond but cannot down during either else enough even ever few further here however
if inside instead just least less like many much neither never next nothing now off often once onto out outside
own part perhaps quite rather same since still through throughout thus till too toward towards under
unless until upon whether while within without yet able ago almost
get gets got give gives given go goes going keep keeps let lets put puts see sees seen set sets take takes taken
want wants way ways work works working year years month months day days week weeks time times hour hours minute
minutes second seconds number numbers lot lots kind kinds type types example examples case cases thing things
plan plans project projects programme program job speed speeds faster fast quick quickly easy easily simple
improve improves improved improving reduce reduces reduced reducing increase increases increased cut cuts halved
help need needs needed require requires required area areas field fields level levels scale large small
big low good great main major key important various different multiple several single whole total average
cent percent rate rates basis ready existing current currently today future daily weekly hourly routine
price negotiable trial purchase procurement budget accepted acceptance directed commission commissioned invited invitation
tender bid bidding funding funded payment supplier suppliers vendor vendors consortium delivery
application applications app apps pre post guidance urban rural team teams horse race phase stage winner winning
iso iec cmmi cma caac nmpa ce mark level class grade registration certified certification accredited
`;

export const ZH_STOP = new Set(ZH_FILLER.split(/\s+/).filter(Boolean));
const EN_PLACES = [
  ...DISTRICTS.flatMap((d) => d.en.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => !["district", "new", "zone", "high", "tech", "economic", "technological", "development", "demonstration", "county", "municipal", "provincial", "province", "airport", "economy", "hui"].includes(w)),
  "luoyang", "kaifeng", "xinxiang", "xuchang", "nanyang", "jiaozuo", "anyang", "pingdingshan", "shangqiu", "zhoukou", "xinyang",
  "songshan", "yellow",
];
export const EN_STOP = new Set([...EN_FILLER.split(/\s+/).filter(Boolean), ...EN_PLACES]);

/**
 * Place names: the catalogue's districts (without 市/区/县 and the bracketed level) and the other
 * Henan places a listing names. Where a listing is and where a vendor works is the district signal,
 * weighted and normalised in score.ts; as words they would match every organisation registered there.
 */
const PLACES = [
  ...DISTRICTS.map((d) => d.zh.replace(/（.*）/, "")),
  ...DISTRICTS.map((d) => d.zh.replace(/（.*）/, "").replace(/(市|区|县|新区|示范区|回族区)$/, "")),
  "郑州", "河南", "中原", "航空港", "洛阳", "开封", "新乡", "许昌", "南阳", "焦作", "安阳", "平顶山", "商丘", "周口", "信阳",
  "驻马店", "漯河", "三门峡", "鹤壁", "濮阳", "嵩山", "黄河", "伏牛山", "太行山", "豫", "全省", "全市",
].filter((p) => p.length >= 2);
export const PLACE_NAMES = new Set(PLACES);

/** Organisation names end like this (文物局, 卫健委, 管委会 …): a department's name is who asks, not what. */
export const ORGANISATION_SUFFIX = /(局|厅|委|委员会|管委会|办公室|政府|公司|集团|支队|总队|中心)$/;

/**
 * Part-of-speech tags (jieba) that are never evidence: place (ns), organisation (nt) and person
 * (nr*) names, numbers (m), measure words (q), time (t), pronouns (r), adverbs (d), prepositions
 * (p), conjunctions (c), particles (u*), punctuation and spaces (x, w), onomatopoeia and
 * interjections (o, e, y). Glossary terms are kept whatever their tag (jieba calls 眼底 a time word).
 */
export const NON_EVIDENCE_TAGS = /^(ns|nt|nr|nrt|nrfg|m|mq|q|t|tg|r|rr|rz|d|dg|p|c|u|uj|ul|uv|uz|ud|ug|x|w|o|e|y|f|zg|b)$/;
