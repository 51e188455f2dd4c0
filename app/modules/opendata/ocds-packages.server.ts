import { compileReleases } from "./ocds-compile";
import {
  OCDS_CURRENCY, OCDS_LICENSE, OCDS_PUBLISHER, OCDS_VERSION, absoluteUrl, codeOfOcid, ocidOf, recordPackageUrl,
  releasePackageUrl, scenarioPageUrl,
} from "./ocds-config.server";
import { buildReleases } from "./ocds-releases";
import { loadOcdsSource, type OcdsSource } from "./ocds-source.server";
import type { OcdsRelease } from "./ocds-types";

// Release and record packages (OCDS 1.1). publishedDate is the newest release's date, not the time of
// the request: the same data always reads the same, as the standard asks of packages made on demand.

export function releasesOfSource(source: OcdsSource): OcdsRelease[] {
  const ocid = ocidOf(source.code);
  return buildReleases(source, { ocid, currency: OCDS_CURRENCY, pageUrl: scenarioPageUrl(source.code) });
}

const newest = (releases: OcdsRelease[]) => releases.reduce((max, r) => (r.date > max ? r.date : max), "1970-01-01T00:00:00.000Z");

function packageHead(uri: string, releases: OcdsRelease[]) {
  return {
    uri, version: OCDS_VERSION, publishedDate: newest(releases), publisher: { ...OCDS_PUBLISHER, uri: absoluteUrl("/opendata") },
    license: OCDS_LICENSE, publicationPolicy: absoluteUrl("/opendata"),
  };
}

export function releasePackage(uri: string, releases: OcdsRelease[], extra: Record<string, unknown> = {}) {
  return { ...packageHead(uri, releases), ...extra, releases };
}

async function releasesOfOcid(ocid: string): Promise<OcdsRelease[] | null> {
  const code = codeOfOcid(ocid);
  const source = code ? await loadOcdsSource(code) : null;
  return source ? releasesOfSource(source) : null;
}

/** Every release of one process, or null when the ocid is not one of this publisher's public processes. */
export async function releasePackageOf(ocid: string) {
  const releases = await releasesOfOcid(ocid);
  return releases ? releasePackage(releasePackageUrl(ocid), releases) : null;
}

/** The record: each release linked by URL, and the compiled release. */
export async function recordPackageOf(ocid: string) {
  const releases = await releasesOfOcid(ocid);
  if (!releases) return null;
  const packageUrl = releasePackageUrl(ocid);
  return {
    ...packageHead(recordPackageUrl(ocid), releases),
    packages: [packageUrl],
    records: [{
      ocid,
      releases: releases.map((r) => ({ url: `${packageUrl}#${r.id}`, date: r.date, tag: r.tag })),
      compiledRelease: compileReleases(releases),
    }],
  };
}
