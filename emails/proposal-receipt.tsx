import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 申报回执：与页面上显示的回执相同（服务器时间、SHA-256 摘要、递交序号），供单位留存核对。
// The proposal receipt, as shown on screen (server time, SHA-256 digest, submission number), for the record.
export type ProposalReceiptProps = {
  locale: MailLocale;
  name: string;
  scenarioTitle: string;
  scenarioCode: string;
  number: number;
  digest: string;
  /** ISO 8601 服务器时间。 Server time, ISO 8601. */
  submittedAt: string;
  proposalUrl: string;
};

function beijingTime(iso: string): string {
  return `${new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ")} (UTC+8)`;
}

export function subject({ locale, scenarioCode, number }: ProposalReceiptProps): string {
  return brandSubject(locale, pick(locale, `申报回执 ${scenarioCode} 第 ${number} 次递交`, `Proposal receipt ${scenarioCode}, submission ${number}`));
}

export default function ProposalReceipt({ locale, name, scenarioTitle, scenarioCode, number, digest, submittedAt, proposalUrl }: ProposalReceiptProps) {
  return (
    <Layout locale={locale} preview={pick(locale, "您的揭榜申报已递交", "Your proposal has been submitted")}>
      <Heading as="h1" style={styles.heading}>{pick(locale, "申报已递交", "Proposal submitted")}</Heading>
      <Text style={styles.text}>{pick(locale, `${name}，你好：`, `Hello ${name},`)}</Text>
      <Text style={styles.text}>
        {pick(locale, `贵单位对场景 ${scenarioCode}「${scenarioTitle}」的申报已递交。截止前申报内容密封，发榜部门也无法查看。`,
          `Your organisation's proposal for ${scenarioCode} (${scenarioTitle}) has been submitted. It stays sealed until the deadline; not even the department can read it.`)}
      </Text>
      <Text style={styles.text}>
        {pick(locale, "递交序号：", "Submission number: ")}{number}<br />
        {pick(locale, "服务器时间：", "Server time: ")}{beijingTime(submittedAt)}<br />
        {pick(locale, "内容摘要（SHA-256）：", "Content digest (SHA-256): ")}<code>{digest}</code>
      </Text>
      <ActionLink locale={locale} href={proposalUrl} label={pick(locale, "查看申报", "View proposal")} />
      <Text style={styles.muted}>
        {pick(locale, "截止前可撤回或重新递交，以最后一次递交为准。", "Until the deadline you may withdraw or resubmit; the latest submission counts.")}
      </Text>
    </Layout>
  );
}

ProposalReceipt.PreviewProps = {
  locale: "zh-CN",
  name: "张伟",
  scenarioTitle: "城市道路病害智能识别",
  scenarioCode: "ZZ-2026-0042",
  number: 1,
  digest: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  submittedAt: "2026-05-01T09:00:00.000Z",
  proposalUrl: "http://localhost:3000/vendor/proposals/ZZ-2026-0042",
} satisfies ProposalReceiptProps;
