import type { results as zh } from "../zh-CN/results";

export const results: Record<keyof typeof zh, string> = {
  "rs.title": "Results",
  "rs.intro": "{n} scenarios awarded after their notice period. Open a notice for the full notice and the outcome of objections.",
  "rs.empty": "No scenario has been awarded yet.",
  "rs.col.scenario": "Scenario",
  "rs.col.winner": "Awarded to",
  "rs.col.amount": "Amount",
  "rs.col.date": "Awarded on",
  "rs.col.mechanism": "Mechanism",
  "rs.col.notice": "Notice and objections",
  "rs.notice": "Notice",
  "rs.objections": "Objections: {upheld} upheld, {dismissed} dismissed",
  "rs.amountNote": "The amount is the scenario's public budget ceiling; what each applicant asked for is business information and is not published.",
  "rs.nav": "Results",
  "rs.bad.page": "The page must be a positive whole number.",
};
