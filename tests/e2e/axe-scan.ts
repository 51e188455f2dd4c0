import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * The page's serious and critical axe violations (WCAG 2.1 A and AA rules), one line each with the
 * first elements concerned; an empty list when there are none.
 *
 * Legacy mode runs axe once, in the page itself. The default mode runs it in each frame and then once
 * more in a new blank page to merge the frames' results, loading axe twice: half of each scan's time,
 * spent on pages that have no frames.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}
