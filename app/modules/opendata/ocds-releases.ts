import { FIELD_LABELS } from "~/modules/scenarios/snapshot-text";
import type { SnapshotField } from "~/modules/scenarios/scenario-diff";
import { translator } from "~/utils/i18n";
import { afterTenderReleases } from "./ocds-award-releases";
import { mergeParties, orgRef, partyOf } from "./ocds-parties";
import type { OcdsSource, OcdsVersion } from "./ocds-source.server";
import { tenderOf, type TenderContext } from "./ocds-tender";
import type { OcdsAmendment, OcdsParty, OcdsRelease, OcdsTender } from "./ocds-types";

// One scenario's contracting process as OCDS releases, oldest first (docs/decisions/012-ocds-mapping.md):
//   tender              — publication (version 1)
//   tenderAmendment     — each material amendment (deadline, budget, KPIs, eligibility, files)
//   tenderUpdate        — each other amendment; and the closing at the deadline with the number of tenderers
//   tenderCancellation  — the call was withdrawn, with its public reason
//   award, awardCancellation, contract, implementation, contractTermination — see ocds-award-releases.ts
// Every release states the whole tender as it stood then, so the newest release alone is readable.

export type ReleaseContext = { ocid: string; currency: string; pageUrl: string };

const zh = translator("zh-CN");

function changedFieldsText(fields: string[]): string {
  const labels = fields.map((f) => zh(FIELD_LABELS[f as SnapshotField] ?? "sc.ver.empty"));
  return labels.length ? `变更内容：${labels.join("、")}` : "变更内容：无字段变化";
}

export function buildReleases(source: OcdsSource, ctx: ReleaseContext): OcdsRelease[] {
  const buyer = orgRef(source.department);
  const buyerParty = partyOf(source.department, ["buyer", "procuringEntity"]);
  const parties = mergeParties([buyerParty]);
  const tenderCtx: TenderContext = { code: source.code, currency: ctx.currency, publishedAt: source.publishedAt, procuringEntity: buyer, pageUrl: ctx.pageUrl };
  const release = (id: string, date: Date, tag: string, tender: OcdsTender, extra: Partial<OcdsRelease> & { parties?: OcdsParty[] } = {}): OcdsRelease => ({
    ocid: ctx.ocid, id: `${ctx.ocid}-${id}`, date: date.toISOString(), tag: [tag], initiationType: "tender", language: "zh",
    parties, buyer, tender, ...extra,
  });

  const releases: OcdsRelease[] = [];
  const amendments: OcdsAmendment[] = [];
  let previousId = "";
  let latest: OcdsVersion = source.versions[0]!;
  for (const v of source.versions) {
    latest = v;
    const tender = tenderOf(v.snapshot, tenderCtx);
    if (v.version === 1) {
      releases.push(release("tender", source.publishedAt, "tender", tender));
    } else {
      const id = `${v.material ? "amendment" : "update"}-${v.version}`;
      amendments.push({
        id: `amendment-${v.version}`, date: v.at.toISOString(), rationale: v.note || (v.material ? "实质性变更" : "内容更正"),
        description: changedFieldsText(v.changedFields), amendsReleaseID: previousId, releaseID: `${ctx.ocid}-${id}`,
      });
      releases.push(release(id, v.at, v.material ? "tenderAmendment" : "tenderUpdate", { ...tender, amendments: [...amendments] }));
    }
    previousId = releases.at(-1)!.id;
  }

  const current = (): OcdsTender => ({ ...tenderOf(latest.snapshot, tenderCtx), ...(amendments.length ? { amendments: [...amendments] } : {}) });
  // Closing at the deadline unseals the proposals: from here on the count of tenderers is public.
  if (source.closedAt && source.tenderers != null) {
    releases.push(release("close", source.closedAt, "tenderUpdate", {
      ...current(), numberOfTenderers: source.tenderers, hasEnquiries: source.answeredQuestions > 0,
    }));
  }
  if (source.status === "cancelled" && source.cancelledAt) {
    releases.push(release("cancellation", source.cancelledAt, "tenderCancellation", {
      ...current(),
      ...(source.tenderers != null ? { numberOfTenderers: source.tenderers } : {}),
      status: "cancelled", finalStatus: "cancelled", finalStatusDate: source.cancelledAt.toISOString(),
      ...(source.cancelReason ? { finalStatusDetails: source.cancelReason } : {}),
    }));
  }
  if (source.status !== "cancelled" && (source.decisions.length || source.awardedWithoutNotice.length)) {
    const tender = { ...current(), ...(source.tenderers != null ? { numberOfTenderers: source.tenderers } : {}) };
    for (const r of afterTenderReleases(source, buyerParty, tender)) {
      releases.push(release(r.id, r.date, r.tag, r.tender, { parties: r.parties, awards: r.awards, ...(r.contracts ? { contracts: r.contracts } : {}) }));
    }
  }
  // Stable: releases of the same instant keep the order they happened in.
  return releases.sort((a, b) => a.date.localeCompare(b.date));
}
