import { jsonError } from "~/modules/opendata/json-response.server";
import { AppError } from "~/utils/errors.server";
import { atomResponse } from "./atom";
import { awardFeed } from "./award-feed.server";
import { feedLocale, scenarioFeed, type FeedScope } from "./scenario-feeds.server";

/** A scenario feed as the HTTP answer: the Atom document, a 404 for an unknown sector or department, a 400 for a bad ?lang. */
export async function scenarioFeedResponse(request: Request, scope: FeedScope): Promise<Response> {
  try {
    const feed = await scenarioFeed(scope, feedLocale(new URL(request.url).searchParams));
    return feed ? atomResponse(feed) : jsonError(request, 404, "error.notFound");
  } catch (error) {
    if (error instanceof AppError) return jsonError(request, error.status, error.label);
    throw error;
  }
}

/** The awards feed as the HTTP answer; a 400 for a bad ?lang. */
export async function awardFeedResponse(request: Request): Promise<Response> {
  try {
    return atomResponse(await awardFeed(feedLocale(new URL(request.url).searchParams)));
  } catch (error) {
    if (error instanceof AppError) return jsonError(request, error.status, error.label);
    throw error;
  }
}
