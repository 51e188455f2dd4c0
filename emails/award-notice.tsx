import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 中选通知：拟中选进入公示期，或公示期满正式中选（揭榜挂帅）；其他递交申报的单位收到公示发布通知（可在线提出异议）。
// Award notice to the selected vendor: proposed (the public notice period runs, objections are
// accepted) or final (the notice period ended; delivery starts). The other vendors that submitted a
// proposal get the "notice" stage: the result is published and they may object until its end.
export type AwardNoticeProps = {
  locale: MailLocale;
  orgName: string;
  scenarioTitle: string;
  scenarioCode: string;
  stage: "proposed" | "awarded" | "notice";
  /** End of the 公示 notice period, formatted for the reader (proposed stage). */
  noticeEndsAt: string;
  scenarioUrl: string;
};

export function subject({ locale, scenarioCode, stage }: AwardNoticeProps): string {
  return brandSubject(
    locale,
    stage === "proposed"
      ? pick(locale, `拟中选公示：${scenarioCode}`, `Proposed award under public notice: ${scenarioCode}`)
      : stage === "notice"
        ? pick(locale, `评审结果公示：${scenarioCode}`, `Evaluation result under public notice: ${scenarioCode}`)
        : pick(locale, `中选通知：${scenarioCode}`, `Award confirmed: ${scenarioCode}`),
  );
}

export default function AwardNotice(props: AwardNoticeProps) {
  const { locale, orgName, scenarioTitle, scenarioCode, stage, noticeEndsAt, scenarioUrl } = props;
  return (
    <Layout locale={locale} preview={pick(locale, `「${scenarioTitle}」评审结果`, `Result for ${scenarioTitle}`)}>
      <Heading as="h1" style={styles.heading}>
        {stage === "proposed" ? pick(locale, "贵单位拟中选", "Your organisation is proposed for the award")
          : stage === "notice" ? pick(locale, "评审结果已公示", "The evaluation result is published")
            : pick(locale, "贵单位已中选", "Your organisation won the award")}
      </Heading>
      <Text style={styles.text}>{pick(locale, `${orgName}：`, `To ${orgName},`)}</Text>
      <Text style={styles.text}>
        {stage === "notice"
          ? pick(locale, `贵单位申报的场景 ${scenarioCode}「${scenarioTitle}」评审结果已在平台公示，公示期至 ${noticeEndsAt} 止。如对结果有异议，可在公示期内在线提出；公示期满后将另行告知贵单位的评审结果与得分。`,
            `The evaluation result of ${scenarioCode} (${scenarioTitle}), for which you submitted a proposal, is under public notice until ${noticeEndsAt}. You may object online during that time; after it you will receive your own result and scores.`)
          : stage === "proposed"
          ? pick(locale, `经专家评审，贵单位对场景 ${scenarioCode}「${scenarioTitle}」的申报拟中选，现进入公示期，至 ${noticeEndsAt} 止。公示期内如收到异议，发榜单位将依规答复。`,
            `After expert evaluation, your proposal for ${scenarioCode} (${scenarioTitle}) is proposed for the award. The public notice period runs until ${noticeEndsAt}; objections received in that time are answered by the department.`)
          : pick(locale, `公示期已满，贵单位正式中选场景 ${scenarioCode}「${scenarioTitle}」。请按申报的里程碑计划开展交付，并在平台提交各阶段成果。`,
            `The notice period has ended and your organisation is awarded ${scenarioCode} (${scenarioTitle}). Please deliver against the milestones of your proposal and submit evidence for each on the platform.`)}
      </Text>
      <ActionLink locale={locale} href={scenarioUrl} label={pick(locale, "查看公示", "View the notice")} />
    </Layout>
  );
}

AwardNotice.PreviewProps = {
  locale: "zh-CN",
  orgName: "中原智算科技有限公司",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  stage: "proposed",
  noticeEndsAt: "2026年8月7日",
  scenarioUrl: "http://localhost:3000/scenarios/ZZ-2026-0042",
} satisfies AwardNoticeProps;
