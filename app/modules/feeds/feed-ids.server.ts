import { appUrl } from "~/utils/env.server";

// Atom ids are tag: URIs (RFC 4151) under the platform's host name and the year it began publishing.
// They never change when a title, a page address or the port changes, so readers never see an entry twice.

const TAG_YEAR = "2025";

function authority(): string {
  return new URL(appUrl()).hostname;
}

export const tagUri = (specific: string) => `tag:${authority()},${TAG_YEAR}:${specific}`;
export const scenarioEntryId = (code: string) => tagUri(`scenario/${code}`);
/** One award decision: a later round (after an upheld objection) is a new entry. */
export const awardEntryId = (code: string, round: number) => tagUri(`award/${code}/${round}`);
