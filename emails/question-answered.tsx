import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

export type QuestionAnsweredProps = {
  locale: MailLocale;
  scenarioTitle: string;
  scenarioCode: string;
  scenarioUrl: string;
  question: string;
  answer: string;
  /** The asker is told it was their question; other interested vendors that a new answer is public. */
  isAsker: boolean;
};

export function subject({ locale, scenarioTitle, scenarioCode, isAsker }: QuestionAnsweredProps): string {
  return brandSubject(
    locale,
    isAsker
      ? pick(locale, `你的问题已答复：${scenarioTitle}（${scenarioCode}）`, `Your question was answered: ${scenarioTitle} (${scenarioCode})`)
      : pick(locale, `答疑新增答复：${scenarioTitle}（${scenarioCode}）`, `New answer published: ${scenarioTitle} (${scenarioCode})`),
  );
}

export default function QuestionAnswered(props: QuestionAnsweredProps) {
  const { locale, scenarioTitle, scenarioCode, scenarioUrl, question, answer, isAsker } = props;
  return (
    <Layout locale={locale} preview={pick(locale, `答疑答复：${scenarioTitle}`, `Answer published: ${scenarioTitle}`)}>
      <Heading as="h1" style={styles.heading}>
        {isAsker ? pick(locale, "你的问题已答复", "Your question was answered") : pick(locale, "答疑新增答复", "New answer published")}
      </Heading>
      <Text style={styles.text}>
        {pick(
          locale,
          "发榜单位发布了答疑答复。答复对所有揭榜单位公开，提问单位不公开。",
          "The department published an answer. Answers are public to every vendor; the asking organisation is not shown.",
        )}
      </Text>
      <Text style={styles.text}>
        <strong>{scenarioTitle}</strong>
        <br />
        {pick(locale, `场景编号：${scenarioCode}`, `Scenario number: ${scenarioCode}`)}
      </Text>
      <Text style={styles.text}>
        {pick(locale, "问：", "Q: ")}
        {question}
      </Text>
      <Text style={styles.text}>
        {pick(locale, "答：", "A: ")}
        {answer}
      </Text>
      <ActionLink locale={locale} href={scenarioUrl} label={pick(locale, "查看场景", "View scenario")} />
    </Layout>
  );
}

QuestionAnswered.PreviewProps = {
  locale: "zh-CN",
  scenarioTitle: "城市道路病害智能识别",
  scenarioCode: "JB-2025-0042",
  scenarioUrl: "http://localhost:3000/scenarios/JB-2025-0042",
  question: "是否提供历史巡检图像用于训练？",
  answer: "提供 2023 年以来的脱敏巡检图像约 20 万张。",
  isAsker: true,
} satisfies QuestionAnsweredProps;
