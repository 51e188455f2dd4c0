import { Heading, Text } from "@react-email/components";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 评审任务分配：请专家先声明利益冲突，再查看申报材料。
// An evaluator is assigned to a scenario: declare conflicts first, then score before the due date.
export type EvaluationAssignedProps = {
  locale: MailLocale;
  name: string;
  scenarioTitle: string;
  scenarioCode: string;
  /** Due date of the score sheets, already formatted for the reader. */
  dueAt: string;
  proposals: number;
  /** Blind review: vendor names are hidden from evaluators. */
  blind: boolean;
  assignmentUrl: string;
};

export function subject({ locale, scenarioTitle, scenarioCode }: EvaluationAssignedProps): string {
  return brandSubject(locale, pick(locale, `评审邀请：${scenarioTitle}（${scenarioCode}）`, `Evaluation request: ${scenarioTitle} (${scenarioCode})`));
}

export default function EvaluationAssigned(props: EvaluationAssignedProps) {
  const { locale, name, scenarioTitle, scenarioCode, dueAt, proposals, blind, assignmentUrl } = props;
  return (
    <Layout locale={locale} preview={pick(locale, `请在 ${dueAt} 前完成评审`, `Please score by ${dueAt}`)}>
      <Heading as="h1" style={styles.heading}>{pick(locale, "新的评审任务", "New evaluation assignment")}</Heading>
      <Text style={styles.text}>{pick(locale, `${name}，您好：`, `Dear ${name},`)}</Text>
      <Text style={styles.text}>
        {pick(
          locale,
          `您被邀请评审场景 ${scenarioCode}「${scenarioTitle}」的 ${proposals} 份申报，请于 ${dueAt} 前提交评分。`,
          `You are invited to evaluate ${proposals} proposal(s) for ${scenarioCode} (${scenarioTitle}). Please submit your scores by ${dueAt}.`,
        )}
      </Text>
      <Text style={styles.text}>
        {pick(
          locale,
          "查看任何申报内容之前，请先逐一声明是否存在利益冲突；存在冲突的申报将由其他专家评审。",
          "Before any proposal is shown, declare for each one whether you have a conflict of interest; conflicted proposals go to other evaluators.",
        )}
        {blind ? pick(locale, "本场景采用匿名评审，申报单位名称不向专家显示。", " This scenario is reviewed blind: vendor names are hidden from evaluators.") : null}
      </Text>
      <ActionLink locale={locale} href={assignmentUrl} label={pick(locale, "接受并声明利益冲突", "Accept and declare conflicts")} />
    </Layout>
  );
}

EvaluationAssigned.PreviewProps = {
  locale: "zh-CN",
  name: "王教授",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  dueAt: "2026年7月15日",
  proposals: 6,
  blind: true,
  assignmentUrl: "http://localhost:3000/evaluator/assignments/preview",
} satisfies EvaluationAssignedProps;
