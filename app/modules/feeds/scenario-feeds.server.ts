import type { Prisma } from "~/generated/prisma/client";
import { SECTORS, isKey, label } from "~/modules/scenarios/catalog";
import { AppError } from "~/utils/errors.server";
import { absoluteUrl } from "~/modules/opendata/ocds-config.server";
import { db } from "~/utils/db.server";
import { formatBudget, formatDate } from "~/utils/format";
import { isLocale, translator, type Locale } from "~/utils/i18n";
import type { AtomEntry, AtomFeed } from "./atom";
import { scenarioEntryId, tagUri } from "./feed-ids.server";

// Atom feeds of newly published scenarios: all of them, one sector, or one department. Only what the
// public scenario page shows; never a draft, never a contact person, never anything of a proposal.

export const FEED_SIZE = 50;
/** The updated date of a feed with no entries yet: the first day the platform could have published. */
const EMPTY_FEED_UPDATED = "2025-01-01T00:00:00.000Z";

export type FeedScope = { kind: "all" } | { kind: "sector"; sector: string } | { kind: "department"; departmentId: string };

const entrySelect = {
  code: true, title: true, titleEn: true, summary: true, summaryEn: true, sector: true, status: true,
  budgetMin: true, budgetMax: true, deadline: true, publishedAt: true, cancelledAt: true,
  department: { select: { name: true, nameEn: true } },
  versions: { select: { createdAt: true }, orderBy: { version: "desc" }, take: 1 },
} satisfies Prisma.ScenarioSelect;
type EntryRow = Prisma.ScenarioGetPayload<{ select: typeof entrySelect }>;

/** ?lang= chooses the feed's language; anything else than the two we write is a 400. */
export function feedLocale(params: URLSearchParams): Locale {
  const lang = params.get("lang");
  if (lang == null || lang === "") return "zh-CN";
  if (!isLocale(lang)) throw new AppError("od.bad.lang", 400);
  return lang;
}

const latest = (...dates: (Date | null | undefined)[]) =>
  new Date(Math.max(...dates.filter((d): d is Date => d != null).map((d) => d.getTime())));

function entryOf(row: EntryRow, locale: Locale): AtomEntry {
  const t = translator(locale);
  const en = locale === "en";
  const title = (en && row.titleEn) || row.title;
  const department = (en && row.department.nameEn) || row.department.name;
  const summary = t("feed.entry.summary", {
    summary: (en && row.summaryEn) || row.summary, department,
    budget: formatBudget(row.budgetMin == null ? null : Number(row.budgetMin), row.budgetMax == null ? null : Number(row.budgetMax), locale),
    deadline: formatDate(row.deadline, locale),
  });
  return {
    id: scenarioEntryId(row.code),
    title: `${row.status === "cancelled" ? t("feed.entry.cancelled") : ""}${title}`,
    // The newest of publication, the last amendment and a cancellation: what a reader would want to re-read.
    updated: latest(row.publishedAt, row.versions[0]?.createdAt, row.cancelledAt).toISOString(),
    published: row.publishedAt!.toISOString(),
    link: absoluteUrl(`/scenarios/${encodeURIComponent(row.code)}`),
    summary, author: department,
    categories: [{ term: row.sector, label: label(SECTORS, row.sector, locale) }],
  };
}

async function scopeDetails(scope: FeedScope, locale: Locale) {
  const t = translator(locale);
  if (scope.kind === "all") {
    return { where: {}, title: t("feed.scenarios.title"), path: "/feeds/scenarios.atom", alternate: "/scenarios", idPart: "feeds/scenarios" };
  }
  if (scope.kind === "sector") {
    if (!isKey(SECTORS, scope.sector)) return null;
    return {
      where: { sector: scope.sector }, title: t("feed.sector.title", { sector: label(SECTORS, scope.sector, locale) }),
      path: `/feeds/sectors/${scope.sector}/scenarios.atom`, alternate: `/scenarios?sector=${scope.sector}`, idPart: `feeds/scenarios/sector/${scope.sector}`,
    };
  }
  const department = await db.organisation.findFirst({ where: { id: scope.departmentId, type: "department" }, select: { id: true, name: true, nameEn: true } });
  if (!department) return null;
  return {
    where: { departmentId: department.id }, title: t("feed.department.title", { department: (locale === "en" && department.nameEn) || department.name }),
    path: `/feeds/departments/${department.id}/scenarios.atom`, alternate: "/scenarios", idPart: `feeds/scenarios/department/${department.id}`,
  };
}

/** The feed, or null when the sector or department does not exist. */
export async function scenarioFeed(scope: FeedScope, locale: Locale): Promise<AtomFeed | null> {
  const details = await scopeDetails(scope, locale);
  if (!details) return null;
  const rows = await db.scenario.findMany({
    where: { ...details.where, publishedAt: { not: null }, status: { not: "draft" } } satisfies Prisma.ScenarioWhereInput,
    select: entrySelect,
    orderBy: [{ publishedAt: "desc" }, { code: "desc" }],
    take: FEED_SIZE,
  });
  const entries = rows.map((r) => entryOf(r, locale));
  const en = locale === "en";
  return {
    id: tagUri(`${details.idPart}${en ? "/en" : ""}`),
    title: details.title,
    updated: entries.reduce((max, e) => (e.updated > max ? e.updated : max), EMPTY_FEED_UPDATED),
    lang: locale,
    selfUrl: absoluteUrl(`${details.path}${en ? "?lang=en" : ""}`),
    alternateUrl: absoluteUrl(details.alternate),
    author: translator(locale)("app.name"),
    entries,
  };
}
