import { Heading, Section, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

export type ScenarioUpdateKind = "amended" | "cancelled" | "published";

export type ScenarioChange = { label: string; before: string; after: string };

export type ScenarioUpdateProps = {
  locale: MailLocale;
  kind: ScenarioUpdateKind;
  scenarioTitle: string;
  /** Public scenario number, e.g. "JB-2025-0042"; people quote it on the phone. */
  scenarioCode: string;
  scenarioUrl: string;
  reason?: string;
  changes?: ScenarioChange[];
  /** Set when the mail goes to someone who follows the scenario rather than to a party of it. */
  unsubscribeUrl?: string;
};

const headline: Record<ScenarioUpdateKind, { zh: string; en: string }> = {
  amended: { zh: "场景已更新", en: "Scenario amended" },
  cancelled: { zh: "场景已取消", en: "Scenario cancelled" },
  published: { zh: "新场景发布", en: "New scenario published" },
};

const intro: Record<ScenarioUpdateKind, { zh: string; en: string }> = {
  amended: {
    zh: "你关注或参与的场景发布了更正公告，请按更新后的要求准备方案。",
    en: "A scenario you follow or take part in was amended. Please prepare your proposal against the updated terms.",
  },
  cancelled: {
    zh: "你关注或参与的场景已被发布单位取消，此前提交的方案不再进入评审。",
    en: "A scenario you follow or take part in was cancelled by its publisher. Proposals already submitted will not be evaluated.",
  },
  published: {
    zh: "有一个新的人工智能应用场景正在公开征集解决方案。",
    en: "A new AI application scenario is open for proposals.",
  },
};

export function subject({ locale, kind, scenarioTitle, scenarioCode }: ScenarioUpdateProps): string {
  const h = headline[kind];
  return brandSubject(
    locale,
    pick(locale, `${h.zh}：${scenarioTitle}（${scenarioCode}）`, `${h.en}: ${scenarioTitle} (${scenarioCode})`),
  );
}

export default function ScenarioUpdate(props: ScenarioUpdateProps) {
  const { locale, kind, scenarioTitle, scenarioCode, scenarioUrl, reason, changes, unsubscribeUrl } = props;
  const h = headline[kind];
  return (
    <Layout locale={locale} preview={pick(locale, `${h.zh}：${scenarioTitle}`, `${h.en}: ${scenarioTitle}`)} unsubscribeUrl={unsubscribeUrl}>
      <Heading as="h1" style={styles.heading}>
        {pick(locale, h.zh, h.en)}
      </Heading>
      <Text style={styles.text}>{pick(locale, intro[kind].zh, intro[kind].en)}</Text>
      <Text style={styles.text}>
        <strong>{scenarioTitle}</strong>
        <br />
        {pick(locale, `场景编号：${scenarioCode}`, `Scenario number: ${scenarioCode}`)}
      </Text>
      {reason ? (
        <Text style={styles.text}>
          {pick(locale, "说明：", "Reason: ")}
          {reason}
        </Text>
      ) : null}
      {changes && changes.length > 0 ? (
        <Section style={{ margin: "0 0 16px" }}>
          <Text style={{ ...styles.text, fontWeight: 600, margin: "0 0 8px" }}>
            {pick(locale, "变更内容", "What changed")}
          </Text>
          {changes.map((c, i) => (
            <Text key={i} style={{ ...styles.text, margin: "0 0 8px" }}>
              {`${c.label}${pick(locale, "：", ": ")}`}
              <span style={{ color: "#8c959f", textDecoration: "line-through" }}>{c.before}</span>
              {" → "}
              <strong>{c.after}</strong>
            </Text>
          ))}
        </Section>
      ) : null}
      <ActionLink locale={locale} href={scenarioUrl} label={pick(locale, "查看场景", "View scenario")} />
    </Layout>
  );
}

ScenarioUpdate.PreviewProps = {
  locale: "zh-CN",
  kind: "amended",
  scenarioTitle: "城市道路病害智能识别",
  scenarioCode: "JB-2025-0042",
  scenarioUrl: "http://localhost:3000/scenarios/JB-2025-0042",
  reason: "根据答疑情况调整截止时间。",
  changes: [{ label: "截止时间", before: "2025-07-01", after: "2025-07-15" }],
} satisfies ScenarioUpdateProps;
