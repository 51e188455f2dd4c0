import type { FieldChange } from "~/modules/scenarios/scenario-diff";
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { interestedVendors } from "../audiences.server";
import { changesText } from "../change-text";
import { defineEvent } from "../define-event.server";
import { loadScenarioHead, scenarioTitle } from "./scenario-head.server";

/**
 * A MATERIAL amendment (scenario-diff MATERIAL_FIELDS) reaches every interested vendor with the
 * field-level diff, read from the published version it made. Each version is its own occurrence:
 * a later amendment notifies again.
 */
export const scenarioAmended = defineEvent({
  event: "scenario.amended",
  occurrence: (scenarioId, { version }) => `${scenarioId}@v${version}`,
  load: async (scenarioId, { version }) => {
    const [head, published] = await Promise.all([
      loadScenarioHead(scenarioId),
      db.scenarioVersion.findUnique({
        where: { scenarioId_version: { scenarioId, version } },
        select: { version: true, material: true, note: true, changes: true },
      }),
    ]);
    // A summary-only edit stays in the version history and is never announced.
    if (!head || !published?.material) return null;
    return { ...head, version: published.version, note: published.note, changes: published.changes as unknown as FieldChange[] };
  },
  audience: (s) => interestedVendors(s.id),
  link: (s) => `/scenarios/${s.code}`,
  data: (s) => ({ scenarioId: s.id, version: s.version, fields: s.changes.map((c) => c.field) }),
  notification: {
    title: "nt.amended.title",
    body: "nt.amended.body",
    vars: (s, { locale, t }) => ({
      title: scenarioTitle(s, locale),
      changes: changesText(s.changes, locale).map((c) => t("nt.amended.change", c)).join("\n"),
    }),
  },
  mail: {
    template: "scenario-update",
    props: (s, { locale }) => ({
      kind: "amended" as const,
      scenarioTitle: scenarioTitle(s, locale),
      scenarioCode: s.code,
      scenarioUrl: `${appUrl()}/scenarios/${s.code}`,
      reason: s.note || undefined,
      changes: changesText(s.changes, locale),
    }),
  },
});
