import { DISTRICTS, MECHANISMS, SCENARIO_STATUSES, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import type { Locale, MessageKey, Translate } from "~/utils/i18n";
import { BUDGET_BANDS } from "../../search/budget-bands";
import { activeScenarioFilters, parseScenarioSearch, type ActiveFilter } from "../../search/search-params";
import { localisedText } from "./scenario-list-item";

type Department = { id: string; name: string; nameEn: string | null };

/** One active filter of the scenario search in words ("“防汛”", "医疗健康", "7 天内截止"): chips and saved searches. */
export function describeScenarioFilter(f: ActiveFilter, locale: Locale, t: Translate, departments: readonly Department[] = []): string {
  switch (f.name) {
    case "q": return `“${f.value}”`;
    case "sector": return label(SECTORS, f.value, locale);
    case "district": return label(DISTRICTS, f.value, locale);
    case "mechanism": return label(MECHANISMS, f.value, locale);
    case "status": return f.value === "all" ? t("search.facet.allStatuses") : label(SCENARIO_STATUSES, f.value, locale);
    case "budget": return label(BUDGET_BANDS, f.value, locale);
    case "tag": return label(TECH_TAGS, f.value, locale);
    case "deadline": return t(`search.deadline.${f.value}` as MessageKey);
    case "department": {
      const d = departments.find((x) => x.id === f.value);
      return d ? localisedText(d.name, d.nameEn, locale) : t("search.sc.department");
    }
    default: return f.value;
  }
}

/** A saved search's URL query in words, e.g. "“防汛” · 防灾减灾 · 7 天内截止"; empty for "every open scenario". */
export function describeScenarioQuery(query: string, locale: Locale, t: Translate): string {
  const state = parseScenarioSearch(new URLSearchParams(query));
  return activeScenarioFilters(state).map((f) => describeScenarioFilter(f, locale, t)).join(" · ");
}
