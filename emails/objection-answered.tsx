import { Heading, Text } from "@react-email/components";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 异议答复：发榜单位对公示异议的书面答复，告知是否成立及后续处理。
// The department's written answer to an objection: upheld or not, and what happens next.
export type ObjectionAnsweredProps = {
  locale: MailLocale;
  scenarioTitle: string;
  scenarioCode: string;
  reference: string;
  upheld: boolean;
  answer: string;
  url: string;
};

export function subject({ locale, scenarioCode, reference }: ObjectionAnsweredProps): string {
  return brandSubject(locale, pick(locale, `异议答复：${scenarioCode}（${reference}）`, `Answer to objection ${reference}: ${scenarioCode}`));
}

export default function ObjectionAnswered(props: ObjectionAnsweredProps) {
  const { locale, scenarioTitle, scenarioCode, reference, upheld, answer, url } = props;
  return (
    <Layout locale={locale} preview={upheld ? pick(locale, "异议成立", "Objection upheld") : pick(locale, "异议不成立", "Objection not upheld")}>
      <Heading as="h1" style={styles.heading}>{pick(locale, "异议已答复", "Your objection was answered")}</Heading>
      <Text style={styles.text}>
        {pick(locale, `关于场景 ${scenarioCode}「${scenarioTitle}」的异议（编号 ${reference}），发榜单位答复如下：`,
          `The department answered your objection ${reference} to ${scenarioCode} (${scenarioTitle}):`)}
      </Text>
      <Text style={styles.text}>
        <strong>
          {upheld
            ? pick(locale, "结论：异议成立，评审结果将复核。", "Conclusion: upheld; the result will be reviewed.")
            : pick(locale, "结论：异议不成立，维持原评审结果。", "Conclusion: not upheld; the result stands.")}
        </strong>
      </Text>
      <Text style={styles.text}>{answer}</Text>
      <ActionLink locale={locale} href={url} label={pick(locale, "查看答复", "View the answer")} />
    </Layout>
  );
}

ObjectionAnswered.PreviewProps = {
  locale: "zh-CN",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  reference: "YY-2026-0007",
  upheld: false,
  answer: "经核查，拟中选单位的资质证明材料真实有效，评审程序符合规定。",
  url: "http://localhost:3000/scenarios/ZZ-2026-0042",
} satisfies ObjectionAnsweredProps;
