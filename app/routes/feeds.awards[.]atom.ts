import type { LoaderFunctionArgs } from "@remix-run/node";
import { awardFeedResponse } from "~/modules/feeds/feed-response.server";

/** Atom feed of awards whose notice period ended (?lang=en for English titles). Public. */
export async function loader({ request }: LoaderFunctionArgs) {
  return awardFeedResponse(request);
}
