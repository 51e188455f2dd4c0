import { Heading, Section, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 未中选反馈：告知结果，并附本单位各项得分与平均分的对比、专家评审意见（匿名），帮助下次改进。
// Not selected (or kept as a reserve candidate on the shortlist), with the vendor's own score on each
// criterion against the average of all scored proposals and the evaluators' justifications, anonymised.
export type NotSelectedProps = {
  locale: MailLocale;
  orgName: string;
  scenarioTitle: string;
  scenarioCode: string;
  /** On the published shortlist (a reserve candidate), not merely not selected. */
  shortlisted: boolean;
  /** Aggregated score on 0–100 and rank, formatted. */
  score?: string;
  rank?: string;
  /** Per criterion: own mean score and the mean over all scored proposals, formatted on the criterion's scale. */
  criteria: { name: string; own: string; average: string; max: string }[];
  /** The evaluators' written justifications, as "专家 1 · 技术方案：…", never with a name. */
  justifications: string[];
  proposalUrl: string;
};

export function subject({ locale, scenarioCode, shortlisted }: NotSelectedProps): string {
  return brandSubject(
    locale,
    shortlisted
      ? pick(locale, `评审结果：${scenarioCode} 入围未中选`, `Result: shortlisted, not awarded, for ${scenarioCode}`)
      : pick(locale, `评审结果：${scenarioCode} 未中选`, `Result: not selected for ${scenarioCode}`),
  );
}

export default function NotSelected(props: NotSelectedProps) {
  const { locale, orgName, scenarioTitle, scenarioCode, shortlisted, score, rank, criteria, justifications, proposalUrl } = props;
  return (
    <Layout locale={locale} preview={pick(locale, "感谢参与，附评审意见", "Thank you for taking part: the panel's feedback")}>
      <Heading as="h1" style={styles.heading}>
        {shortlisted ? pick(locale, "入围候选，本次未中选", "Shortlisted, not awarded this time") : pick(locale, "本次未中选", "Not selected this time")}
      </Heading>
      <Text style={styles.text}>{pick(locale, `${orgName}：`, `To ${orgName},`)}</Text>
      <Text style={styles.text}>
        {shortlisted
          ? pick(locale, `感谢贵单位参与场景 ${scenarioCode}「${scenarioTitle}」的揭榜。公示期已满，贵单位的申报列入候选名单，本次未中选。`,
            `Thank you for your proposal for ${scenarioCode} (${scenarioTitle}). The notice period has ended: your proposal is on the shortlist as a reserve candidate but was not awarded.`)
          : pick(locale, `感谢贵单位参与场景 ${scenarioCode}「${scenarioTitle}」的揭榜。经专家评审，贵单位的申报本次未中选。`,
            `Thank you for your proposal for ${scenarioCode} (${scenarioTitle}). After expert evaluation, it was not selected this time.`)}
      </Text>
      {score ? (
        <Text style={styles.text}>
          {pick(locale, `综合得分：${score}`, `Overall score: ${score}`)}
          {rank ? pick(locale, `，排名：${rank}`, `, rank: ${rank}`) : null}
        </Text>
      ) : null}
      {criteria.length ? (
        <Section>
          <Text style={styles.text}><strong>{pick(locale, "各项得分（本单位 / 全部申报平均 / 满分）", "Score per criterion (yours / average of all proposals / maximum)")}</strong></Text>
          {criteria.map((c) => (
            <Text key={c.name} style={styles.text}>{`${c.name}：${c.own} / ${c.average} / ${c.max}`}</Text>
          ))}
        </Section>
      ) : null}
      {justifications.length ? (
        <Section>
          <Text style={styles.text}><strong>{pick(locale, "评审意见（匿名）", "The evaluators' justifications (anonymised)")}</strong></Text>
          {justifications.map((line, i) => <Text key={i} style={styles.text}>{line}</Text>)}
        </Section>
      ) : null}
      <ActionLink locale={locale} href={proposalUrl} label={pick(locale, "查看申报与评审意见", "View proposal and feedback")} />
    </Layout>
  );
}

NotSelected.PreviewProps = {
  locale: "zh-CN",
  orgName: "河南数智视觉科技有限公司",
  scenarioTitle: "防汛应急专家知识库与智能问答",
  scenarioCode: "ZZ-2026-0042",
  shortlisted: false,
  score: "78.5",
  rank: "3 / 6",
  criteria: [
    { name: "技术方案", own: "7.2", average: "7.8", max: "10" },
    { name: "团队能力", own: "4.1", average: "3.9", max: "5" },
  ],
  justifications: [
    "专家 1 · 技术方案：技术路线清晰，但缺少汛期高并发场景的压力测试方案。",
    "专家 2 · 技术方案：知识库更新机制描述不足。",
  ],
  proposalUrl: "http://localhost:3000/vendor/proposals/ZZ-2026-0042",
} satisfies NotSelectedProps;
