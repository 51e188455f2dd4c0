import { appUrl, env } from "~/utils/env.server";

// What identifies this publisher in the Open Contracting Data Standard (docs/decisions/012-ocds-mapping.md).

/** OCDS 1.1: the schema version every package declares. */
export const OCDS_VERSION = "1.1";
/** The data is published under Creative Commons Attribution 4.0 (the /opendata page says so in both languages). */
export const OCDS_LICENSE = "https://creativecommons.org/licenses/by/4.0/";
export const OCDS_PUBLISHER = { name: "郑州市人工智能场景供需对接工作专班 (揭榜 Jiebang)" } as const;
/** Amounts are whole 元. */
export const OCDS_CURRENCY = "CNY";

export function ocidPrefix(): string {
  return env().OCDS_OCID_PREFIX;
}

/** The contracting process of one scenario: the registered prefix, a hyphen, the scenario code. */
export function ocidOf(code: string): string {
  return `${ocidPrefix()}-${code}`;
}

/** The scenario code inside an ocid of this publisher, or null for anyone else's ocid. */
export function codeOfOcid(ocid: string): string | null {
  const prefix = `${ocidPrefix()}-`;
  if (!ocid.startsWith(prefix)) return null;
  const code = ocid.slice(prefix.length);
  return /^[A-Za-z0-9-]{1,40}$/.test(code) ? code : null;
}

export function absoluteUrl(path: string): string {
  return `${appUrl()}${path}`;
}

export const releasePackageUrl = (ocid: string) => absoluteUrl(`/opendata/ocds/releases/${encodeURIComponent(ocid)}.json`);
export const recordPackageUrl = (ocid: string) => absoluteUrl(`/opendata/ocds/records/${encodeURIComponent(ocid)}.json`);
export const scenarioPageUrl = (code: string) => absoluteUrl(`/scenarios/${encodeURIComponent(code)}`);
