import { formatDate } from "~/utils/format";
import type { Locale, Translate } from "~/utils/i18n";
import { noticePeriod } from "./notice-period";

/**
 * The end of a notice period as people say it: the last counted day "24 时" (the stored instant is
 * 00:00 of the day after, which would read as one day too late).
 */
export function noticeEndText(endsAt: Date | string, locale: Locale, t: Translate): string {
  return t("aw.endsAt", { date: formatDate(new Date(new Date(endsAt).getTime() - 1), locale) });
}

/** The first counted day: the day after publication. */
export function noticeFirstDayText(publishedAt: Date | string, locale: Locale): string {
  return formatDate(noticePeriod(new Date(publishedAt), 1).startsAt, locale);
}
