import type { LoaderFunctionArgs } from "@remix-run/node";
import { isStatTable, statsCsvTable } from "~/modules/stats/stats-page.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { getLocale } from "~/utils/locale.server";

/** One statistics table as CSV, in the reader's language (public, like the page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isStatTable(params.table)) throw new Response("st.notFound", { status: 404 });
  const table = await statsCsvTable(params.table, await getLocale(request));
  return csvResponse(toCsv(table.header, table.rows), `jiebang-stats-${table.id}.csv`, "public");
}
