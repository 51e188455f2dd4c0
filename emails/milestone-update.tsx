import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 里程碑：揭榜方提交成果（通知发榜单位），发榜单位验收通过或退回（通知揭榜方，附理由）。
// Delivery milestones: the vendor submitted evidence (to the department), the department accepted
// it or returned it with reasons (to the vendor); the due date comes near (reminder, to the vendor)
// or passed without evidence (overdue, to both).
export type MilestoneUpdateKind = "submitted" | "accepted" | "returned" | "reminder" | "overdue";

export type MilestoneUpdateProps = {
  locale: MailLocale;
  kind: MilestoneUpdateKind;
  scenarioTitle: string;
  scenarioCode: string;
  milestone: string;
  orgName: string;
  /** Why it was returned (returned only). */
  reason?: string;
  /** The date to (re)submit by, formatted: after a return, in a reminder, or the date that passed. */
  dueAt?: string;
  url: string;
};

const headline: Record<MilestoneUpdateKind, { zh: string; en: string }> = {
  submitted: { zh: "里程碑成果已提交", en: "Milestone evidence submitted" },
  accepted: { zh: "里程碑已验收通过", en: "Milestone accepted" },
  returned: { zh: "里程碑被退回", en: "Milestone returned" },
  reminder: { zh: "里程碑即将到期", en: "Milestone due soon" },
  overdue: { zh: "里程碑已逾期", en: "Milestone overdue" },
};

function body(p: MilestoneUpdateProps): { zh: string; en: string } {
  const { kind, orgName, scenarioCode, scenarioTitle, milestone } = p;
  switch (kind) {
    case "submitted":
      return { zh: `${orgName} 提交了场景 ${scenarioCode}「${scenarioTitle}」里程碑“${milestone}”的成果材料，请及时验收。`,
        en: `${orgName} submitted evidence for milestone “${milestone}” of ${scenarioCode} (${scenarioTitle}). Please review it.` };
    case "accepted":
      return { zh: `场景 ${scenarioCode}「${scenarioTitle}」的里程碑“${milestone}”已验收通过。`,
        en: `Milestone “${milestone}” of ${scenarioCode} (${scenarioTitle}) was accepted.` };
    case "returned":
      return { zh: `场景 ${scenarioCode}「${scenarioTitle}」的里程碑“${milestone}”被退回，请按意见修改后重新提交。`,
        en: `Milestone “${milestone}” of ${scenarioCode} (${scenarioTitle}) was returned. Please revise and resubmit.` };
    case "reminder":
      return { zh: `场景 ${scenarioCode}「${scenarioTitle}」的里程碑“${milestone}”即将到期，请按时提交成果材料。`,
        en: `Milestone “${milestone}” of ${scenarioCode} (${scenarioTitle}) is due soon. Please submit its evidence in time.` };
    case "overdue":
      return { zh: `${orgName} 在场景 ${scenarioCode}「${scenarioTitle}」的里程碑“${milestone}”已过截止日期，尚未提交成果材料。`,
        en: `Milestone “${milestone}” of ${scenarioCode} (${scenarioTitle}) by ${orgName} is past its due date without evidence.` };
  }
}

export function subject({ locale, kind, scenarioCode, milestone }: MilestoneUpdateProps): string {
  const h = headline[kind];
  return brandSubject(locale, pick(locale, `${h.zh}：${milestone}（${scenarioCode}）`, `${h.en}: ${milestone} (${scenarioCode})`));
}

export default function MilestoneUpdate(props: MilestoneUpdateProps) {
  const { locale, kind, milestone, reason, dueAt, url } = props;
  const h = headline[kind];
  const text = body(props);
  return (
    <Layout locale={locale} preview={pick(locale, `${h.zh}：${milestone}`, `${h.en}: ${milestone}`)}>
      <Heading as="h1" style={styles.heading}>{pick(locale, h.zh, h.en)}</Heading>
      <Text style={styles.text}>{pick(locale, text.zh, text.en)}</Text>
      {reason ? <Text style={styles.text}>{pick(locale, "退回理由：", "Reasons: ")}{reason}</Text> : null}
      {dueAt ? <Text style={styles.text}>{kind === "overdue" ? pick(locale, `截止日期：${dueAt}`, `Was due: ${dueAt}`) : pick(locale, `提交截止：${dueAt}`, `Submit by: ${dueAt}`)}</Text> : null}
      <ActionLink locale={locale} href={url} label={pick(locale, "查看里程碑", "View milestone")} />
    </Layout>
  );
}

MilestoneUpdate.PreviewProps = {
  locale: "zh-CN",
  kind: "returned",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  milestone: "知识库一期上线",
  orgName: "中原智算科技有限公司",
  reason: "测试报告缺少汛期高峰并发测试数据。",
  dueAt: "2026年10月15日",
  url: "http://localhost:3000/vendor/delivery/ZZ-2026-0042",
} satisfies MilestoneUpdateProps;
