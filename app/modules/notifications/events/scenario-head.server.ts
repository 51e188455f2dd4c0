import { db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";

// What every scenario event shows of its scenario, read once per fan-out.

export type ScenarioHead = { id: string; code: string; title: string; titleEn: string | null };

export const scenarioHeadSelect = { id: true, code: true, title: true, titleEn: true } as const;

export function loadScenarioHead(id: string): Promise<ScenarioHead | null> {
  return db.scenario.findUnique({ where: { id }, select: scenarioHeadSelect });
}

/** The scenario's own English title for English readers when the department gave one. */
export function scenarioTitle(s: ScenarioHead, locale: Locale): string {
  return locale === "en" && s.titleEn ? s.titleEn : s.title;
}

export function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
