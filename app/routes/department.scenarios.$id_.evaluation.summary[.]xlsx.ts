import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/modules/attachments/attachments.server";
import { getEvaluationSummary } from "~/modules/evaluation/evaluation-summary.server";
import { exportFilename, scoreWorkbook } from "~/modules/evaluation/score-export.server";
import { requireSummaryReader } from "~/modules/evaluation/summary-guard.server";

/** The evaluation summary as an Excel workbook (results and all scores, Chinese headers), for the same readers as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ref } = await requireSummaryReader(request, params.id);
  const summary = await getEvaluationSummary(ref.id);
  const body = await scoreWorkbook(summary);
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(exportFilename(summary, "xlsx")),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
