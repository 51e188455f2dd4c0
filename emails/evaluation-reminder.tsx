import { Heading, Text } from "@react-email/components";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 评审提醒：截止前提醒未完成的评分表；逾期后再提醒一次。
// A reminder of score sheets still open before (or after) the evaluation due date.
export type EvaluationReminderProps = {
  locale: MailLocale;
  name: string;
  scenarioTitle: string;
  scenarioCode: string;
  dueAt: string;
  /** Score sheets not yet submitted. */
  pending: number;
  overdue: boolean;
  assignmentUrl: string;
};

export function subject({ locale, scenarioCode, overdue }: EvaluationReminderProps): string {
  return brandSubject(
    locale,
    overdue
      ? pick(locale, `评审已逾期：${scenarioCode}`, `Evaluation overdue: ${scenarioCode}`)
      : pick(locale, `评审提醒：${scenarioCode}`, `Evaluation reminder: ${scenarioCode}`),
  );
}

export default function EvaluationReminder(props: EvaluationReminderProps) {
  const { locale, name, scenarioTitle, scenarioCode, dueAt, pending, overdue, assignmentUrl } = props;
  return (
    <Layout locale={locale} preview={pick(locale, `还有 ${pending} 份评分表未提交`, `${pending} score sheet(s) still open`)}>
      <Heading as="h1" style={styles.heading}>
        {overdue ? pick(locale, "评审已逾期", "Your evaluation is overdue") : pick(locale, "评审即将截止", "Your evaluation is due soon")}
      </Heading>
      <Text style={styles.text}>{pick(locale, `${name}，您好：`, `Dear ${name},`)}</Text>
      <Text style={styles.text}>
        {overdue
          ? pick(locale, `场景 ${scenarioCode}「${scenarioTitle}」的评审已于 ${dueAt} 截止，您还有 ${pending} 份评分表未提交。`,
            `The evaluation of ${scenarioCode} (${scenarioTitle}) was due on ${dueAt}; ${pending} of your score sheet(s) are still open.`)
          : pick(locale, `场景 ${scenarioCode}「${scenarioTitle}」的评审将于 ${dueAt} 截止，您还有 ${pending} 份评分表未提交。`,
            `The evaluation of ${scenarioCode} (${scenarioTitle}) is due on ${dueAt}; ${pending} of your score sheet(s) are still open.`)}
      </Text>
      <ActionLink locale={locale} href={assignmentUrl} label={pick(locale, "继续评分", "Continue scoring")} />
      <Text style={styles.muted}>
        {pick(locale, "如无法按时完成，请尽快联系平台运营，以便另行安排专家。", "If you cannot finish in time, tell the platform team so another evaluator can be assigned.")}
      </Text>
    </Layout>
  );
}

EvaluationReminder.PreviewProps = {
  locale: "zh-CN",
  name: "王教授",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  dueAt: "2026年7月15日",
  pending: 2,
  overdue: false,
  assignmentUrl: "http://localhost:3000/evaluator/assignments/preview",
} satisfies EvaluationReminderProps;
