import { Heading, Text } from "@react-email/components";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 未中选反馈：告知结果，并附评审意见与得分，帮助下次改进。
// Not selected, with the evaluators' feedback and the score, so the vendor learns for next time.
export type NotSelectedProps = {
  locale: MailLocale;
  orgName: string;
  scenarioTitle: string;
  scenarioCode: string;
  /** The panel's written feedback (already in the language it was written in). */
  feedback: string;
  /** Aggregated score on 0–100 and rank, formatted; absent when the department publishes neither. */
  score?: string;
  rank?: string;
  proposalUrl: string;
};

export function subject({ locale, scenarioCode }: NotSelectedProps): string {
  return brandSubject(locale, pick(locale, `评审结果：${scenarioCode} 未中选`, `Result: not selected for ${scenarioCode}`));
}

export default function NotSelected(props: NotSelectedProps) {
  const { locale, orgName, scenarioTitle, scenarioCode, feedback, score, rank, proposalUrl } = props;
  return (
    <Layout locale={locale} preview={pick(locale, "感谢参与，附评审意见", "Thank you for taking part: the panel's feedback")}>
      <Heading as="h1" style={styles.heading}>{pick(locale, "本次未中选", "Not selected this time")}</Heading>
      <Text style={styles.text}>{pick(locale, `${orgName}：`, `To ${orgName},`)}</Text>
      <Text style={styles.text}>
        {pick(locale, `感谢贵单位参与场景 ${scenarioCode}「${scenarioTitle}」的揭榜。经专家评审，贵单位的申报本次未中选。`,
          `Thank you for your proposal for ${scenarioCode} (${scenarioTitle}). After expert evaluation, it was not selected this time.`)}
      </Text>
      {score ? (
        <Text style={styles.text}>
          {pick(locale, `综合得分：${score}`, `Overall score: ${score}`)}
          {rank ? pick(locale, `，排名：${rank}`, `, rank: ${rank}`) : null}
        </Text>
      ) : null}
      <Text style={styles.text}>{pick(locale, "评审意见：", "Panel feedback: ")}{feedback}</Text>
      <ActionLink locale={locale} href={proposalUrl} label={pick(locale, "查看申报与评审意见", "View proposal and feedback")} />
    </Layout>
  );
}

NotSelected.PreviewProps = {
  locale: "zh-CN",
  orgName: "河南数智视觉科技有限公司",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  feedback: "技术路线清晰，但缺少汛期高并发场景的压力测试方案，知识库更新机制描述不足。",
  score: "78.5",
  rank: "3 / 6",
  proposalUrl: "http://localhost:3000/vendor/proposals/ZZ-2026-0042",
} satisfies NotSelectedProps;
