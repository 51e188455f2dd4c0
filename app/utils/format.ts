import type { Locale } from "./i18n";

const TZ = "Asia/Shanghai";

// Building an Intl formatter costs far more than using one (a page of search hits formats dozens of
// dates and budgets): each formatter is built once per locale and kept.
function perLocale<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = build(locale)));
    return formatter;
  };
}

const dateFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { timeZone: TZ, year: "numeric", month: "long", day: "numeric" }));
const dateTimeFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, {
  timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
}));
// The same few hundred deadlines and budgets are shown on page after page, and formatting one costs
// far more than looking it up: the strings are kept, a bounded number per locale.
const REMEMBERED = 5_000;
function remembered<K, V>(compute: (key: K, locale: Locale) => V): (key: K, locale: Locale) => V {
  const kept = perLocale(() => new Map<K, V>());
  return (key, locale) => {
    const mine = kept(locale);
    let value = mine.get(key);
    if (value === undefined) {
      if (mine.size >= REMEMBERED) mine.clear();
      mine.set(key, (value = compute(key, locale)));
    }
    return value;
  };
}

const dateTimeText = remembered((at: number, locale) => dateTimeFormat(locale).format(at));
let yuanEn: Intl.NumberFormat | undefined;
let wanZh: Intl.NumberFormat | undefined;
let yuanZh: Intl.NumberFormat | undefined;

export function formatDate(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return "—";
  return dateFormat(locale).format(new Date(value));
}

export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return "—";
  return dateTimeText(new Date(value).getTime(), locale);
}

// Chinese budgets read in 万元 (10,000 yuan); English readers get the full yuan figure.
export function formatYuan(amount: number | null | undefined, locale: Locale): string {
  if (amount == null) return locale === "en" ? "Negotiable" : "面议";
  return yuanText(amount, locale);
}

const yuanText = remembered((amount: number, locale): string => {
  if (locale === "en") return `¥${(yuanEn ??= new Intl.NumberFormat("en-US")).format(amount)}`;
  if (amount >= 10_000) {
    const wan = amount / 10_000;
    return `${(wanZh ??= new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 })).format(wan)} 万元`;
  }
  return `${(yuanZh ??= new Intl.NumberFormat("zh-CN")).format(amount)} 元`;
});

export function formatBudget(min: number | null, max: number | null, locale: Locale): string {
  if (min == null && max == null) return formatYuan(null, locale);
  if (min != null && max != null && min !== max) return `${formatYuan(min, locale)} – ${formatYuan(max, locale)}`;
  return formatYuan(min ?? max, locale);
}

export function countdown(deadline: Date | string, now: Date, locale: Locale): string {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (ms <= 0) return locale === "en" ? "Closed" : "已截止";
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  if (locale === "en") return days > 0 ? `${days} d ${hours} h left` : `${hours} h left`;
  return days > 0 ? `剩余 ${days} 天 ${hours} 小时` : `剩余 ${hours} 小时`;
}
