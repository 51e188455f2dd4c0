import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 评审通知：邀请评审专家、专家谢绝后请发榜部门另行指派、截止前提醒。
// Evaluation notices: an expert is asked to evaluate; the department hears that one declined and
// should assign a replacement; the expert is reminded before the due date. Never a vendor's name:
// in blind review the evaluator must not learn who proposed, so no notice carries it at all.
export type EvaluationNoticeKind = "assigned" | "declined" | "reminder";

export type EvaluationNoticeProps = {
  locale: MailLocale;
  kind: EvaluationNoticeKind;
  scenarioTitle: string;
  scenarioCode: string;
  /** The due date as the reader's clock shows it, already formatted (Beijing time). */
  dueAt: string;
  actionUrl: string;
  /** declined: who declined and why. */
  evaluatorName?: string;
  reason?: string;
  /** reminder: proposals still to declare on or to score. */
  outstanding?: number;
};

const headline: Record<EvaluationNoticeKind, { zh: string; en: string }> = {
  assigned: { zh: "评审邀请", en: "Invitation to evaluate" },
  declined: { zh: "评审专家谢绝了邀请", en: "An evaluator declined" },
  reminder: { zh: "评审即将截止", en: "Evaluation due soon" },
};

export function subject({ locale, kind, scenarioTitle, scenarioCode }: EvaluationNoticeProps): string {
  const h = headline[kind];
  return brandSubject(locale, pick(locale, `${h.zh}：${scenarioTitle}（${scenarioCode}）`, `${h.en}: ${scenarioTitle} (${scenarioCode})`));
}

function Intro(props: EvaluationNoticeProps) {
  const { locale, kind, dueAt, evaluatorName, outstanding } = props;
  if (kind === "assigned") {
    return (
      <Text style={styles.text}>
        {pick(
          locale,
          `您被指派为以下场景的评审专家，评审截止时间为 ${dueAt}。请先接受或谢绝邀请；接受后，在查看任何申报内容之前，需要逐份声明是否存在利益冲突。`,
          `You have been asked to evaluate the proposals of this scenario, due ${dueAt}. Please accept or decline first; after accepting you declare, proposal by proposal, whether you have a conflict of interest before any content is shown.`,
        )}
      </Text>
    );
  }
  if (kind === "declined") {
    return (
      <Text style={styles.text}>
        {pick(
          locale,
          `评审专家 ${evaluatorName ?? ""} 谢绝了本场景的评审邀请。每份申报需要至少三位无利益冲突的评审专家，请另行指派。`,
          `The evaluator ${evaluatorName ?? ""} declined to evaluate this scenario. Every proposal needs at least three evaluators without a conflict of interest; please assign a replacement.`,
        )}
      </Text>
    );
  }
  return (
    <Text style={styles.text}>
      {pick(
        locale,
        `评审截止时间为 ${dueAt}，您还有 ${outstanding ?? 0} 份申报尚未完成（未声明利益冲突或评分表未提交）。`,
        `The evaluation is due ${dueAt}. You still have ${outstanding ?? 0} proposal(s) to finish (conflict declaration or score sheet not submitted).`,
      )}
    </Text>
  );
}

export default function EvaluationNotice(props: EvaluationNoticeProps) {
  const { locale, kind, scenarioTitle, scenarioCode, actionUrl, reason } = props;
  const h = headline[kind];
  return (
    <Layout locale={locale} preview={pick(locale, `${h.zh}：${scenarioTitle}`, `${h.en}: ${scenarioTitle}`)}>
      <Heading as="h1" style={styles.heading}>{pick(locale, h.zh, h.en)}</Heading>
      <Intro {...props} />
      <Text style={styles.text}>
        <strong>{scenarioTitle}</strong>
        <br />
        {pick(locale, `场景编号：${scenarioCode}`, `Scenario number: ${scenarioCode}`)}
      </Text>
      {reason ? (
        <Text style={styles.text}>
          {pick(locale, "谢绝原因：", "Reason given: ")}
          {reason}
        </Text>
      ) : null}
      <ActionLink
        locale={locale}
        href={actionUrl}
        label={kind === "declined" ? pick(locale, "指派其他专家", "Assign another evaluator") : pick(locale, "打开评审任务", "Open the assignment")}
      />
    </Layout>
  );
}

EvaluationNotice.PreviewProps = {
  locale: "zh-CN",
  kind: "assigned",
  scenarioTitle: "防汛指挥专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0012",
  dueAt: "2026/06/30 17:00",
  actionUrl: "http://localhost:3000/evaluator/assignments/example",
} satisfies EvaluationNoticeProps;
