import type { LoaderFunctionArgs } from "@remix-run/node";
import { ocidOfFile, openDataResponse } from "~/modules/opendata/json-response.server";
import { releasePackageOf } from "~/modules/opendata/ocds-packages.server";

/** /opendata/ocds/releases/{ocid}.json — the release package of one scenario's contracting process. Public. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ocid = ocidOfFile(params.file);
  return openDataResponse(request, async () => (ocid ? releasePackageOf(ocid) : null));
}
