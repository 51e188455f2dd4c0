import type { LoaderFunctionArgs } from "@remix-run/node";
import { scenarioFeedResponse } from "~/modules/feeds/feed-response.server";

/** Atom feed of newly published scenarios (?lang=en for English titles). Public. */
export async function loader({ request }: LoaderFunctionArgs) {
  return scenarioFeedResponse(request, { kind: "all" });
}
