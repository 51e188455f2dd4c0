import type { LoaderFunctionArgs } from "@remix-run/node";
import { scenarioFeedResponse } from "~/modules/feeds/feed-response.server";

/** Atom feed of newly published scenarios of one sector (its catalogue key). Public. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return scenarioFeedResponse(request, { kind: "sector", sector: params.sector ?? "" });
}
