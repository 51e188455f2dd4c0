import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 异议受理：公示期内收到的异议——给发榜单位的待办通知，或给异议人的受理回执。
// An objection filed during the notice period: a to-do for the department, or a receipt for the objector.
export type ObjectionReceivedProps = {
  locale: MailLocale;
  audience: "department" | "objector";
  scenarioTitle: string;
  scenarioCode: string;
  /** Receipt number people quote on the phone. */
  reference: string;
  receivedAt: string;
  /** The department must answer by this date (formatted). */
  answerBy: string;
  url: string;
};

export function subject({ locale, audience, scenarioCode, reference }: ObjectionReceivedProps): string {
  return brandSubject(
    locale,
    audience === "department"
      ? pick(locale, `收到公示异议：${scenarioCode}（${reference}）`, `Objection received: ${scenarioCode} (${reference})`)
      : pick(locale, `异议已受理：${scenarioCode}（${reference}）`, `Your objection was received: ${scenarioCode} (${reference})`),
  );
}

export default function ObjectionReceived(props: ObjectionReceivedProps) {
  const { locale, audience, scenarioTitle, scenarioCode, reference, receivedAt, answerBy, url } = props;
  return (
    <Layout locale={locale} preview={pick(locale, `异议编号 ${reference}`, `Objection ${reference}`)}>
      <Heading as="h1" style={styles.heading}>
        {audience === "department" ? pick(locale, "收到一条公示异议", "An objection was filed") : pick(locale, "您的异议已受理", "Your objection was received")}
      </Heading>
      <Text style={styles.text}>
        {audience === "department"
          ? pick(locale, `场景 ${scenarioCode}「${scenarioTitle}」公示期内于 ${receivedAt} 收到异议（编号 ${reference}），请于 ${answerBy} 前作出书面答复。`,
            `An objection (${reference}) to ${scenarioCode} (${scenarioTitle}) was filed on ${receivedAt} during the notice period. Please answer in writing by ${answerBy}.`)
          : pick(locale, `您于 ${receivedAt} 对场景 ${scenarioCode}「${scenarioTitle}」提出的异议已受理（编号 ${reference}），发榜单位将于 ${answerBy} 前答复。`,
            `Your objection to ${scenarioCode} (${scenarioTitle}), filed on ${receivedAt}, was received (${reference}). The department will answer by ${answerBy}.`)}
      </Text>
      <ActionLink locale={locale} href={url} label={audience === "department" ? pick(locale, "查看并答复", "Read and answer") : pick(locale, "查看异议", "View objection")} />
    </Layout>
  );
}

ObjectionReceived.PreviewProps = {
  locale: "zh-CN",
  audience: "department",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  reference: "YY-2026-0007",
  receivedAt: "2026年8月3日",
  answerBy: "2026年8月10日",
  url: "http://localhost:3000/department/scenarios/preview/objections",
} satisfies ObjectionReceivedProps;
