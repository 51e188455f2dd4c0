import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 赛马关口决定：按既定指标比选，晋级下一阶段或止步本阶段。
// A horse-race (赛马) stage gate: the team advances to the next stage or stops here, on the declared metrics.
export type GateDecisionProps = {
  locale: MailLocale;
  orgName: string;
  scenarioTitle: string;
  scenarioCode: string;
  gate: string;
  advanced: boolean;
  /** How the team did on the declared metrics, and why. */
  reason: string;
  url: string;
};

export function subject({ locale, scenarioCode, gate, advanced }: GateDecisionProps): string {
  return brandSubject(
    locale,
    advanced
      ? pick(locale, `赛马晋级：${gate}（${scenarioCode}）`, `Advanced past ${gate} (${scenarioCode})`)
      : pick(locale, `赛马关口结果：${gate}（${scenarioCode}）`, `Stage gate result: ${gate} (${scenarioCode})`),
  );
}

export default function GateDecision(props: GateDecisionProps) {
  const { locale, orgName, scenarioTitle, scenarioCode, gate, advanced, reason, url } = props;
  return (
    <Layout locale={locale} preview={advanced ? pick(locale, "晋级下一阶段", "On to the next stage") : pick(locale, "本阶段止步", "Stopped at this stage")}>
      <Heading as="h1" style={styles.heading}>
        {advanced ? pick(locale, "晋级下一阶段", "Your team advances") : pick(locale, "本阶段止步", "Your team stops at this gate")}
      </Heading>
      <Text style={styles.text}>
        {advanced
          ? pick(locale, `${orgName} 在场景 ${scenarioCode}「${scenarioTitle}」的赛马关口“${gate}”中晋级，进入下一阶段。`,
            `${orgName} passed gate “${gate}” of the horse race ${scenarioCode} (${scenarioTitle}) and goes on to the next stage.`)
          : pick(locale, `${orgName} 在场景 ${scenarioCode}「${scenarioTitle}」的赛马关口“${gate}”中未能晋级，感谢贵单位的投入。`,
            `${orgName} did not pass gate “${gate}” of the horse race ${scenarioCode} (${scenarioTitle}). Thank you for your work.`)}
      </Text>
      <Text style={styles.text}>{pick(locale, "依据：", "Basis: ")}{reason}</Text>
      <ActionLink locale={locale} href={url} label={pick(locale, "查看关口结果", "View the gate result")} />
    </Layout>
  );
}

GateDecision.PreviewProps = {
  locale: "zh-CN",
  orgName: "中原智算科技有限公司",
  scenarioTitle: "多式联运智能调度",
  scenarioCode: "ZZ-2026-0057",
  gate: "第一阶段 · 算法验证",
  advanced: true,
  reason: "调度方案平均时延降低 23%，高于关口指标 15%。",
  url: "http://localhost:3000/scenarios/ZZ-2026-0057",
} satisfies GateDecisionProps;
