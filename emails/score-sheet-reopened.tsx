import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 评分表被发榜部门退回：告诉评审专家原因与入口。申报只以字母编号称呼，盲评时不出现任何单位信息。
// A score sheet sent back by the department: the reason and the way back. The proposal is named by
// its letter only, so the mail carries no vendor identity in blind review.
export type ScoreSheetReopenedProps = {
  locale: MailLocale;
  name: string;
  scenarioTitle: string;
  scenarioCode: string;
  label: string;
  reason: string;
  sheetUrl: string;
};

export function subject({ locale, scenarioCode, label }: ScoreSheetReopenedProps): string {
  return brandSubject(locale, pick(locale, `评分表已退回修改：${scenarioCode} 申报 ${label}`, `Score sheet reopened: ${scenarioCode} proposal ${label}`));
}

export default function ScoreSheetReopened({ locale, name, scenarioTitle, scenarioCode, label, reason, sheetUrl }: ScoreSheetReopenedProps) {
  return (
    <Layout locale={locale} preview={pick(locale, "发榜部门退回了您的评分表", "The department reopened your score sheet")}>
      <Heading as="h1" style={styles.heading}>{pick(locale, "评分表已退回修改", "Score sheet reopened")}</Heading>
      <Text style={styles.text}>{pick(locale, `${name}，您好：`, `Hello ${name},`)}</Text>
      <Text style={styles.text}>
        {pick(locale, `发榜部门退回了您对场景 ${scenarioCode}「${scenarioTitle}」中申报 ${label} 的评分表，请修改后重新提交。`,
          `The department reopened your score sheet for proposal ${label} of ${scenarioCode} (${scenarioTitle}). Please revise and submit it again.`)}
      </Text>
      <Text style={styles.text}>{pick(locale, "退回原因：", "Reason: ")}{reason}</Text>
      <ActionLink locale={locale} href={sheetUrl} label={pick(locale, "打开评分表", "Open the score sheet")} />
    </Layout>
  );
}

ScoreSheetReopened.PreviewProps = {
  locale: "zh-CN",
  name: "王教授",
  scenarioTitle: "防汛抗旱专家知识库",
  scenarioCode: "ZZ-2026-0042",
  label: "B",
  reason: "“技术方案”一项的评分理由与分值不一致，请核对后重新提交。",
  sheetUrl: "http://localhost:3000/evaluator/assignments/a1/proposals/p1",
} satisfies ScoreSheetReopenedProps;
