import type { DigestItem, DigestProps, DigestReason } from "../../../emails/digest";
import { renderTemplate } from "../../../emails/render";
import type { RenderedMailInput } from "~/modules/notifications/mail.server";
import { SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { formatBudget } from "~/utils/format";
import { termLabel } from "../../../search/matching/term-label";
import { isLocale, translator, type Locale } from "~/utils/i18n";
import type { DigestCandidate } from "./digest-candidates.server";
import type { DigestContent, ItemReason } from "./digest-content.server";
import {
  listUnsubscribeHeaders, manageUrl, notRelevantUrl, scenarioUrl, unsubscribeUrl,
} from "./digest-links.server";
import type { DigestPeriod } from "./digest-periods";
import type { LinkSigner } from "./link-tokens.server";

/** At most this many listings in one mail; the rest are counted and the mail links to them all. */
export const MAX_ITEMS = 30;

// One formatter per locale for the whole run: Intl objects are costly to build 300,000 times.
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
function formatDay(date: Date, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

/** The reader's language picks the English field when there is one; Chinese is always there. */
function inLocale(zh: string, en: string | null, locale: Locale): string {
  return locale === "en" && en ? en : zh;
}

type Shown = Pick<DigestItem, "code" | "title" | "department" | "budget" | "deadline" | "url" | "amended">;

/** Per-scenario display, computed once per language and run (every subscriber shares it). */
export function displayCache() {
  const cache = new Map<string, Shown & { sector: string }>();
  return (c: DigestCandidate, locale: Locale) => {
    const key = `${locale}|${c.id}`;
    let shown = cache.get(key);
    if (!shown) {
      shown = {
        code: c.code, title: inLocale(c.title, c.titleEn, locale), department: inLocale(c.departmentName, c.departmentNameEn, locale),
        budget: formatBudget(c.budgetMin, c.budgetMax, locale), deadline: formatDay(c.deadline, locale), url: scenarioUrl(c.code),
        amended: c.amended, sector: label(SECTORS, c.sector, locale),
      };
      cache.set(key, shown);
    }
    return shown;
  };
}

function reasonOf(reason: ItemReason, locale: Locale): DigestReason {
  if (reason.kind === "search") return reason;
  const e = reason.explanation;
  return {
    kind: "recommended",
    terms: e.matchedTerms.slice(0, 5).map((term) => termLabel(term, locale)),
    sectors: e.sharedSectors.map((s) => label(SECTORS, s, locale)),
    tags: e.sharedTags.map((tag) => label(TECH_TAGS, tag, locale)),
    cases: e.similarCases.map((c) => `${c.title}（${c.year}）`),
  };
}

/** The digest's props in the subscriber's language: groups by sector, newest first, every link signed. */
export function digestProps(
  content: DigestContent,
  period: DigestPeriod,
  signer: LinkSigner,
  display: ReturnType<typeof displayCache>,
): Omit<DigestProps, "locale"> {
  const { subscriber } = content;
  const locale: Locale = isLocale(subscriber.locale) ? subscriber.locale : "zh-CN";
  const t = translator(locale);
  const groups: DigestProps["groups"] = [];
  const bySector = new Map<string, DigestProps["groups"][number]>();
  // Items are newest first, so a group's place is that of its newest item.
  for (const item of content.items.slice(0, MAX_ITEMS)) {
    const { sector, ...shown } = display(item.candidate, locale);
    let group = bySector.get(sector);
    if (!group) {
      group = { sector, items: [] };
      bySector.set(sector, group);
      groups.push(group);
    }
    group.items.push({
      ...shown,
      notRelevantUrl: notRelevantUrl(signer, { kind: "not-relevant", userId: subscriber.id, orgId: item.orgId, scenarioId: item.candidate.id }),
      reasons: item.reasons.map((r) => reasonOf(r, locale)),
    });
  }
  const day = formatDay(period.dueAt, locale);
  return {
    frequency: period.cadence,
    periodLabel: period.cadence === "daily" ? day : t("dg.mail.weekOf", { date: day }),
    groups,
    more: Math.max(0, content.items.length - MAX_ITEMS),
    closing: content.closing.map((c) => ({ code: c.code, title: inLocale(c.title, c.titleEn, locale), deadline: formatDay(c.deadline, locale), url: scenarioUrl(c.code) })),
    subscriptions: [
      ...subscriber.searches.map((s) => ({ name: s.name, unsubscribeUrl: unsubscribeUrl(signer, { kind: "unsubscribe", userId: subscriber.id, scope: "search", targetId: s.id }) })),
      ...subscriber.recommendations.map((r) => ({
        name: t("dg.recommendations.name", { org: inLocale(r.orgName, r.orgNameEn, locale) }),
        unsubscribeUrl: unsubscribeUrl(signer, { kind: "unsubscribe", userId: subscriber.id, scope: "recommendations", targetId: r.id }),
      })),
    ],
    manageUrl: manageUrl(),
    unsubscribeUrl: unsubscribeUrl(signer, { kind: "unsubscribe", userId: subscriber.id, scope: "all" }),
  };
}

/** `digest:<period>:<user>`: the mail's idempotency key, and Resend's (through the batch key). */
export function digestMailKey(period: DigestPeriod, userId: string): string {
  return `digest:${period.key}:${userId}`;
}

export async function renderDigest(content: DigestContent, period: DigestPeriod, signer: LinkSigner, display: ReturnType<typeof displayCache>): Promise<RenderedMailInput> {
  const locale: Locale = isLocale(content.subscriber.locale) ? content.subscriber.locale : "zh-CN";
  const rendered = await renderTemplate("digest", digestProps(content, period, signer, display), locale);
  return {
    ...rendered,
    to: content.subscriber.email,
    template: "digest",
    idempotencyKey: digestMailKey(period, content.subscriber.id),
    headers: listUnsubscribeHeaders(signer, content.subscriber.id),
  };
}
