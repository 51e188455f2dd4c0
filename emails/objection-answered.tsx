import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 异议答复与处理结果：发榜单位的书面答复（answered），以及平台对异议是否成立的处理结果（upheld / dismissed）。
// An objection's thread reaching the objector (and, for the outcome, the department): the department's
// written answer, then the platform's outcome with its reasons.
export type ObjectionAnsweredProps = {
  locale: MailLocale;
  scenarioTitle: string;
  scenarioCode: string;
  reference: string;
  stage: "answered" | "upheld" | "dismissed";
  /** The department's written answer. */
  answer: string;
  /** The admin's reasons for the outcome (upheld / dismissed). */
  reason?: string;
  url: string;
};

export function subject({ locale, scenarioCode, reference, stage }: ObjectionAnsweredProps): string {
  return brandSubject(
    locale,
    stage === "answered"
      ? pick(locale, `异议答复：${scenarioCode}（${reference}）`, `Answer to objection ${reference}: ${scenarioCode}`)
      : pick(locale, `异议处理结果：${scenarioCode}（${reference}）`, `Outcome of objection ${reference}: ${scenarioCode}`),
  );
}

export default function ObjectionAnswered(props: ObjectionAnsweredProps) {
  const { locale, scenarioTitle, scenarioCode, reference, stage, answer, reason, url } = props;
  const heading = stage === "answered"
    ? pick(locale, "异议已答复", "The objection was answered")
    : stage === "upheld" ? pick(locale, "异议成立", "Objection upheld") : pick(locale, "异议不成立", "Objection dismissed");
  return (
    <Layout locale={locale} preview={heading}>
      <Heading as="h1" style={styles.heading}>{heading}</Heading>
      <Text style={styles.text}>
        {pick(locale, `关于场景 ${scenarioCode}「${scenarioTitle}」的异议（编号 ${reference}），发榜单位答复如下：`,
          `The department's answer to objection ${reference} to ${scenarioCode} (${scenarioTitle}):`)}
      </Text>
      <Text style={styles.text}>{answer}</Text>
      {stage !== "answered" ? (
        <>
          <Text style={styles.text}>
            <strong>
              {stage === "upheld"
                ? pick(locale, "处理结果：异议成立。拟中选结果退回重新评审或重新定标，公示将重新开始。", "Outcome: upheld. The proposed award goes back for a new evaluation or decision, and the notice will start again.")
                : pick(locale, "处理结果：异议不成立，维持原拟中选结果。", "Outcome: dismissed; the proposed award stands.")}
            </strong>
          </Text>
          {reason ? <Text style={styles.text}>{pick(locale, "理由：", "Reasons: ")}{reason}</Text> : null}
        </>
      ) : (
        <Text style={styles.text}>{pick(locale, "平台将审查答复并作出异议是否成立的处理结果，届时另行通知。", "The platform will review the answer and decide whether the objection is upheld; you will be told.")}</Text>
      )}
      <ActionLink locale={locale} href={url} label={pick(locale, "查看异议", "View the objection")} />
    </Layout>
  );
}

ObjectionAnswered.PreviewProps = {
  locale: "zh-CN",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  reference: "YY-2026-0007",
  stage: "dismissed",
  answer: "经核查，拟中选单位的资质证明材料真实有效，评审程序符合规定。",
  reason: "异议所称资质问题经核实不存在，评审程序合规。",
  url: "http://localhost:3000/notices/ZZ-2026-0042/objection",
} satisfies ObjectionAnsweredProps;
