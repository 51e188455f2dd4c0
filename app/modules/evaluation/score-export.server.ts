import { translator, type MessageKey } from "~/utils/i18n";
import type { EvaluationSummary } from "./evaluation-summary.server";

/**
 * The score sheet as files for the department (Chinese officers work in Excel): an .xlsx with one
 * sheet of results (rank, proposal, organisation, score, method, criterion means, disagreement) and
 * one of every submitted score with its justification; and the second table as CSV, UTF-8 with a
 * BOM so Excel opens the Chinese correctly. Headers are Chinese (the zh-CN catalogue), whatever
 * the reader's language. Everything comes from the summary, so the files and the page agree.
 */

const t = translator("zh-CN");
const BOM = "\uFEFF";

type Cell = string | number | null;

function methodText(method: string): string {
  return t(`es.sum.method.${method}` as MessageKey);
}

function spreadText(summary: EvaluationSummary, r: EvaluationSummary["results"][number]): string {
  const names = summary.criteria.filter((c) => r.spread.criteria.includes(c.id)).map((c) => c.name);
  const parts = [r.spread.total ? t("es.sum.spreadTotal") : "", names.length ? t("es.sum.spreadCriteria", { n: names.join("、") }) : ""].filter(Boolean);
  return parts.length ? parts.join("；") : t("es.sum.noSpread");
}

export function resultRows(summary: EvaluationSummary): { header: string[]; rows: Cell[][] } {
  const header = [
    t("es.sum.rank"), t("es.sum.proposal"), t("es.sum.org"), t("es.sum.score"), t("es.sum.method"), t("es.sum.sheets"),
    ...summary.criteria.map((c) => t("es.x.mean", { n: c.name })), t("es.sum.spread"),
  ];
  const rows = summary.results.map((r) => [
    r.rank, t("es.label", { n: r.label }), r.orgName, r.score, methodText(r.method), r.sheets.length,
    ...r.criterionMeans.map((m) => m.mean), spreadText(summary, r),
  ]);
  return { header, rows };
}

export function scoreRows(summary: EvaluationSummary): { header: string[]; rows: Cell[][] } {
  const header = [
    t("es.sum.rank"), t("es.sum.proposal"), t("es.sum.org"), t("es.sum.evaluator"),
    ...summary.criteria.flatMap((c) => [c.name, t("es.x.justification", { n: c.name })]),
    t("es.sum.total"), t("es.sum.score"), t("es.sum.comment"), t("es.x.submittedAt"),
  ];
  const rows = summary.results.flatMap((r) =>
    r.sheets.map((s) => [
      r.rank, t("es.label", { n: r.label }), r.orgName, s.evaluatorName,
      ...summary.criteria.flatMap((c) => {
        const score = s.scores.find((x) => x.criterionId === c.id);
        return [score?.value ?? null, score?.justification ?? ""];
      }),
      s.total, r.score, s.comment, s.submittedAt,
    ]),
  );
  return { header, rows };
}

export async function scoreWorkbook(summary: EvaluationSummary): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on the first export, not at start: ExcelJS takes about 0.4 s to load in every web process.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "揭榜 Jiebang";
  workbook.created = new Date();
  for (const [name, table] of [[t("es.x.resultsSheet"), resultRows(summary)], [t("es.x.scoresSheet"), scoreRows(summary)]] as const) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(...[table.header[i] ?? "", ...table.rows.map((r) => String(r[i] ?? ""))].map((v) => [...v].length));
      column.width = Math.min(60, Math.max(8, longest * 2));
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// A cell that starts like a formula would be run by Excel (CSV injection): make it plain text.
function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every submitted score with its justification, one row per evaluator and proposal; CRLF lines, BOM first. */
export function scoreCsv(summary: EvaluationSummary): string {
  const { header, rows } = scoreRows(summary);
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function exportFilename(summary: EvaluationSummary, extension: "xlsx" | "csv"): string {
  return `${t("es.x.filename", { n: summary.scenario.code })}.${extension}`;
}
