// Public results (定标结果, "rs."): awarded scenarios, signed out.
export const results = {
  "rs.title": "定标结果",
  "rs.intro": "公示期满、已定标的场景，共 {n} 个。点击“公示”查看完整公示与异议处理结果。",
  "rs.empty": "暂无已定标的场景。",
  "rs.col.scenario": "场景",
  "rs.col.winner": "中标单位",
  "rs.col.amount": "金额",
  "rs.col.date": "定标日期",
  "rs.col.mechanism": "方式",
  "rs.col.notice": "公示与异议",
  "rs.notice": "公示",
  "rs.objections": "异议：成立 {upheld} 件，驳回 {dismissed} 件",
  "rs.amountNote": "金额为场景公开的预算上限；各申报单位的报价属商业信息，不予公开。",
  "rs.nav": "定标结果",
  "rs.bad.page": "页码应为正整数。",
};
