import type { RankingRow } from "~/modules/awards/award-queries.server";
import { absoluteUrl } from "~/modules/opendata/ocds-config.server";
import { MECHANISMS, label } from "~/modules/scenarios/catalog";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { translator, type Locale } from "~/utils/i18n";
import type { AtomEntry, AtomFeed } from "./atom";
import { awardEntryId, tagUri } from "./feed-ids.server";

// The Atom feed of awards: each award decision whose notice period ended (final), newest first. Only
// what the public notice says: the scenario, its department, mechanism and the winning organisations.
// A notice still running is on /notices, not here: it may yet be sent back.

export const AWARD_FEED_SIZE = 50;
const EMPTY_FEED_UPDATED = "2025-01-01T00:00:00.000Z";

export async function awardFeed(locale: Locale): Promise<AtomFeed> {
  const t = translator(locale);
  const en = locale === "en";
  const rows = await db.awardDecision.findMany({
    where: { status: "final", finalisedAt: { not: null }, noticeStartsAt: { not: null } },
    select: {
      round: true, ranking: true, finalisedAt: true, noticeStartsAt: true,
      scenario: { select: { code: true, title: true, titleEn: true, mechanism: true, sector: true, department: { select: { name: true, nameEn: true } } } },
    },
    orderBy: [{ finalisedAt: "desc" }, { scenarioId: "desc" }],
    take: AWARD_FEED_SIZE,
  });
  const entries: AtomEntry[] = rows.map((d) => {
    const s = d.scenario;
    const department = (en && s.department.nameEn) || s.department.name;
    const winners = (d.ranking as RankingRow[]).filter((r) => r.winner).map((r) => r.orgName).join(en ? ", " : "、");
    return {
      id: awardEntryId(s.code, d.round),
      title: t("feed.award.title", { title: (en && s.titleEn) || s.title }),
      updated: d.finalisedAt!.toISOString(),
      published: d.finalisedAt!.toISOString(),
      link: absoluteUrl(`/notices/${encodeURIComponent(s.code)}`),
      summary: t("feed.award.summary", { department, mechanism: label(MECHANISMS, s.mechanism, locale), winners, date: formatDate(d.finalisedAt!, locale) }),
      author: department,
      categories: [{ term: s.mechanism, label: label(MECHANISMS, s.mechanism, locale) }],
    };
  });
  return {
    id: tagUri(`feeds/awards${en ? "/en" : ""}`),
    title: t("feed.awards.title"),
    updated: entries[0]?.updated ?? EMPTY_FEED_UPDATED,
    lang: locale,
    selfUrl: absoluteUrl(`/feeds/awards.atom${en ? "?lang=en" : ""}`),
    alternateUrl: absoluteUrl("/notices"),
    author: t("app.name"),
    entries,
  };
}
