import type { LoaderFunctionArgs } from "@remix-run/node";
import { ocidOfFile, openDataResponse } from "~/modules/opendata/json-response.server";
import { recordPackageOf } from "~/modules/opendata/ocds-packages.server";

/** /opendata/ocds/records/{ocid}.json — the record package (linked releases and the compiled release). Public. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ocid = ocidOfFile(params.file);
  return openDataResponse(request, async () => (ocid ? recordPackageOf(ocid) : null));
}
