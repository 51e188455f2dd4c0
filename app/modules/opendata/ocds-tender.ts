import { MECHANISMS, label } from "~/modules/scenarios/catalog";
import { readRubric } from "~/modules/scenarios/rubric";
import type { ScenarioSnapshot } from "~/modules/scenarios/scenario-diff";
import type { OcdsDocument, OcdsOrgRef, OcdsTender, OcdsValue } from "./ocds-types";

// A scenario version as an OCDS tender. Reads the public terms of the call only: title, summary,
// budget, mechanism, deadline, eligibility and rubric. The snapshot's contact fields are never read.

export type TenderContext = {
  code: string;
  currency: string;
  publishedAt: Date;
  procuringEntity: OcdsOrgRef;
  pageUrl: string;
};

function money(amount: number | null, currency: string): OcdsValue | undefined {
  return amount == null ? undefined : { amount, currency };
}

/** 揭榜挂帅 and 赛马 are open calls; 定向委托 invites named organisations only (OCDS "limited"). */
function procurementMethod(mechanism: string): "open" | "limited" {
  return mechanism === "directed" ? "limited" : "open";
}

function mechanismDetails(s: ScenarioSnapshot): string {
  const name = label(MECHANISMS, s.mechanism, "zh-CN");
  return s.mechanism === "horse_race" && s.raceTeams ? `${name}（${s.raceTeams} 支队伍）` : name;
}

function rubricDetails(s: ScenarioSnapshot): string | undefined {
  const rows = readRubric(s.rubric);
  return rows.length ? rows.map((r) => `${r.criterion} ${r.weight}%`).join("；") : undefined;
}

function eligibility(s: ScenarioSnapshot): string | undefined {
  const consortium = s.consortiumAllowed ? `允许联合体申报（牵头单位 + 最多 ${s.consortiumMaxMembers} 家成员）` : "不接受联合体申报";
  const text = [s.eligibility.trim(), consortium].filter(Boolean).join("\n");
  return text || undefined;
}

export function noticeDocument(ctx: TenderContext, s: ScenarioSnapshot): OcdsDocument {
  return {
    id: "scenario-page", documentType: "tenderNotice", title: s.title, url: ctx.pageUrl, format: "text/html",
    language: "zh", datePublished: ctx.publishedAt.toISOString(),
  };
}

/** The tender as one version of the scenario states it. */
export function tenderOf(s: ScenarioSnapshot, ctx: TenderContext): OcdsTender {
  const max = money(s.budgetMax, ctx.currency);
  const min = money(s.budgetMin, ctx.currency);
  const deadline = new Date(s.deadline).toISOString();
  const period = { startDate: ctx.publishedAt.toISOString(), endDate: deadline };
  return {
    id: ctx.code,
    title: s.title,
    description: s.summary,
    status: "active",
    procuringEntity: ctx.procuringEntity,
    ...(max ? { value: max } : min ? { value: min } : {}),
    ...(max && min && s.budgetMin !== s.budgetMax ? { minValue: min } : {}),
    procurementMethod: procurementMethod(s.mechanism),
    procurementMethodDetails: mechanismDetails(s),
    mainProcurementCategory: "services",
    awardCriteria: "ratedCriteria",
    ...(rubricDetails(s) ? { awardCriteriaDetails: rubricDetails(s) } : {}),
    ...(eligibility(s) ? { eligibilityCriteria: eligibility(s) } : {}),
    datePublished: ctx.publishedAt.toISOString(),
    tenderPeriod: period,
    enquiryPeriod: period,
    documents: [noticeDocument(ctx, s)],
  };
}
