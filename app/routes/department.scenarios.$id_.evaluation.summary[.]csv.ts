import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/modules/attachments/attachments.server";
import { getEvaluationSummary } from "~/modules/evaluation/evaluation-summary.server";
import { exportFilename, scoreCsv } from "~/modules/evaluation/score-export.server";
import { requireSummaryReader } from "~/modules/evaluation/summary-guard.server";

/** The evaluation summary as CSV (every score with its justification; UTF-8 with a BOM for Excel), for the same readers as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ref } = await requireSummaryReader(request, params.id);
  const summary = await getEvaluationSummary(ref.id);
  const body = scoreCsv(summary);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(exportFilename(summary, "csv")),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
