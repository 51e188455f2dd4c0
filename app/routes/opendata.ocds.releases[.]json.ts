import type { LoaderFunctionArgs } from "@remix-run/node";
import { bulkReleasePackage, parseBulkQuery } from "~/modules/opendata/ocds-bulk.server";
import { openDataResponse } from "~/modules/opendata/json-response.server";

/** Every public OCDS release in date order, paginated with links.next (?since=&after=&limit=). Public. */
export async function loader({ request }: LoaderFunctionArgs) {
  return openDataResponse(request, () => bulkReleasePackage(parseBulkQuery(new URL(request.url).searchParams)));
}
