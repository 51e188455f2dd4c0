import { appUrl } from "~/utils/env.server";
import { defineEvent } from "../define-event.server";
import { departmentLink, dueDay, loadMilestoneHead, officersOf, vendorLink, vendorMembersOf, type MilestoneHead } from "./milestone-head.server";
import { scenarioTitle } from "./scenario-head.server";

// 里程碑事件：提交（通知发榜单位）、验收通过与退回（通知揭榜方，附理由）、到期提醒（揭榜方）与逾期（双方）。
// Milestone events: submitted (to the department), accepted and returned with reasons (to the vendor),
// due soon (to the vendor) and overdue (to both). Each is read when the worker runs, so a stale job
// (the milestone moved on) announces nothing.

const vars = (m: MilestoneHead, locale: "zh-CN" | "en") => ({
  title: scenarioTitle(m.scenario, locale), milestone: m.name, org: m.org.name, due: dueDay(m, locale), reason: m.returnReason ?? "",
});

// Submissions and decisions are announced even if the milestone moved on before the worker ran (each
// round is its own occurrence); reminders and the overdue notice only while they are still true.

function mailProps(m: MilestoneHead, locale: "zh-CN" | "en", kind: "submitted" | "accepted" | "returned" | "reminder" | "overdue", link: string) {
  return {
    kind, scenarioTitle: scenarioTitle(m.scenario, locale), scenarioCode: m.scenario.code, milestone: m.name, orgName: m.org.name,
    reason: kind === "returned" ? m.returnReason ?? undefined : undefined,
    dueAt: kind === "returned" || kind === "reminder" || kind === "overdue" ? dueDay(m, locale) : undefined,
    url: `${appUrl()}${link}`,
  };
}

export const milestoneSubmitted = defineEvent({
  event: "milestone.submitted",
  occurrence: (id, data) => `${id}:${data.round}`,
  load: loadMilestoneHead,
  audience: (m) => officersOf(m.scenario.departmentId),
  link: departmentLink,
  data: (m) => ({ milestoneId: m.id, scenarioId: m.scenario.id }),
  notification: { title: "dl.nt.submitted.title", body: "dl.nt.submitted.body", vars: (m, { locale }) => vars(m, locale) },
  mail: { template: "milestone-update", props: (m, { locale }) => mailProps(m, locale, "submitted", departmentLink(m)) },
});

export const milestoneAccepted = defineEvent({
  event: "milestone.accepted",
  load: async (id) => {
    const m = await loadMilestoneHead(id);
    return m?.status === "accepted" ? m : null;
  },
  audience: (m) => vendorMembersOf(m.orgId),
  link: vendorLink,
  data: (m) => ({ milestoneId: m.id, scenarioId: m.scenario.id }),
  notification: { title: "dl.nt.accepted.title", body: "dl.nt.accepted.body", vars: (m, { locale }) => vars(m, locale) },
  mail: { template: "milestone-update", props: (m, { locale }) => mailProps(m, locale, "accepted", vendorLink(m)) },
});

export const milestoneReturned = defineEvent({
  event: "milestone.returned",
  occurrence: (id, data) => `${id}:${data.round}`,
  load: async (id, data) => {
    const m = await loadMilestoneHead(id);
    return m ? { ...m, returnReason: data.reason } : null;
  },
  audience: (m) => vendorMembersOf(m.orgId),
  link: vendorLink,
  data: (m) => ({ milestoneId: m.id, scenarioId: m.scenario.id }),
  notification: { title: "dl.nt.returned.title", body: "dl.nt.returned.body", vars: (m, { locale }) => vars(m, locale) },
  mail: { template: "milestone-update", props: (m, { locale }) => mailProps(m, locale, "returned", vendorLink(m)) },
});

export const milestoneReminder = defineEvent({
  event: "milestone.reminder",
  occurrence: (id, data) => `${id}:${data.dueAt}`,
  load: async (id) => {
    const m = await loadMilestoneHead(id);
    return m && (m.status === "planned" || m.status === "returned") ? m : null;
  },
  audience: (m) => vendorMembersOf(m.orgId),
  link: vendorLink,
  data: (m) => ({ milestoneId: m.id, scenarioId: m.scenario.id }),
  notification: { title: "dl.nt.reminder.title", body: "dl.nt.reminder.body", vars: (m, { locale }) => vars(m, locale) },
  mail: { template: "milestone-update", props: (m, { locale }) => mailProps(m, locale, "reminder", vendorLink(m)) },
});

export const milestoneOverdue = defineEvent({
  event: "milestone.overdue",
  occurrence: (id, data) => `${id}:${data.dueAt}`,
  load: async (id) => {
    const m = await loadMilestoneHead(id);
    return m?.status === "overdue" ? m : null;
  },
  audience: (m) => ({ OR: [vendorMembersOf(m.orgId), officersOf(m.scenario.departmentId)] }),
  link: vendorLink,
  data: (m) => ({ milestoneId: m.id, scenarioId: m.scenario.id }),
  notification: { title: "dl.nt.overdue.title", body: "dl.nt.overdue.body", vars: (m, { locale }) => vars(m, locale) },
  mail: { template: "milestone-update", props: (m, { locale }) => mailProps(m, locale, "overdue", vendorLink(m)) },
});
