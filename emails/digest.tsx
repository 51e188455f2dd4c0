import type { CSSProperties } from "react";
import { Heading, Link, Section, Text } from "./primitives";
import { Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// 订阅摘要：按行业分组、最新在前，每条写明为何匹配，并附“不相关”与退订链接。
// The digest: new and materially amended scenarios grouped by sector, newest first, each with why it
// matched and a signed "not relevant" link; followed deadlines closing within 7 days; one-click
// unsubscribe in the footer (the List-Unsubscribe headers are set by the digest module).
// Every text is already in the reader's language when it arrives here (labels, dates, amounts), so
// the template only lays it out. Thousands are rendered per run: plain elements, no per-item components.

export type DigestReason =
  | { kind: "search"; name: string }
  | { kind: "recommended"; terms: string[]; sectors: string[]; tags: string[]; cases: string[] };

export type DigestItem = {
  code: string;
  title: string;
  department: string;
  budget: string;
  deadline: string;
  url: string;
  notRelevantUrl: string;
  /** Materially amended (deadline, budget, KPIs, eligibility) rather than newly published. */
  amended: boolean;
  reasons: DigestReason[];
};

export type DigestGroup = { sector: string; items: DigestItem[] };
export type DigestClosing = { code: string; title: string; deadline: string; url: string };
export type DigestSubscriptionLink = { name: string; unsubscribeUrl: string };

export type DigestProps = {
  locale: MailLocale;
  frequency: "daily" | "weekly";
  /** The period in the reader's words, e.g. "2026年5月4日" or "May 4, 2026". */
  periodLabel: string;
  groups: DigestGroup[];
  /** Items left out to keep the mail readable; the manage page shows them all. */
  more: number;
  closing: DigestClosing[];
  subscriptions: DigestSubscriptionLink[];
  manageUrl: string;
  unsubscribeUrl: string;
};

function itemCount(groups: DigestGroup[]): number {
  return groups.reduce((n, g) => n + g.items.length, 0);
}

export function subject({ locale, frequency, groups, more, closing }: DigestProps): string {
  const count = itemCount(groups) + more;
  const zhName = frequency === "daily" ? "每日订阅" : "每周订阅";
  const enName = frequency === "daily" ? "Daily digest" : "Weekly digest";
  if (count === 0) {
    return brandSubject(locale, pick(locale, `${zhName}：${closing.length} 个关注场景即将截止`, `${enName}: ${closing.length} followed scenario(s) closing soon`));
  }
  return brandSubject(locale, pick(locale, `${zhName}：${count} 个新场景机会`, `${enName}: ${count} new scenario opportunit${count === 1 ? "y" : "ies"}`));
}

const s = {
  group: { color: "#1f2328", fontSize: 16, fontWeight: 600, margin: "24px 0 8px", borderBottom: "1px solid #e5e7eb", paddingBottom: 4 },
  item: { margin: "0 0 16px" },
  title: { color: "#0b57d0", fontSize: 15, fontWeight: 600, textDecoration: "none" },
  badge: { backgroundColor: "#fff4e5", borderRadius: 4, color: "#9a4d00", fontSize: 12, marginLeft: 6, padding: "1px 6px" },
  meta: { color: "#57606a", fontSize: 13, lineHeight: "20px", margin: "2px 0 0" },
  why: { color: "#1f2328", fontSize: 13, lineHeight: "20px", margin: "2px 0 0" },
  small: { color: "#8c959f", fontSize: 12, textDecoration: "underline" },
} satisfies Record<string, CSSProperties>;

/** One reason in words: which saved search, or what the matching found. */
export function reasonText(locale: MailLocale, reason: DigestReason): string {
  if (reason.kind === "search") return pick(locale, `订阅“${reason.name}”`, `saved search “${reason.name}”`);
  const parts: string[] = [];
  if (reason.terms.length) parts.push(pick(locale, `匹配词 ${reason.terms.join("、")}`, `matched terms ${reason.terms.join(", ")}`));
  if (reason.sectors.length) parts.push(pick(locale, `共同行业 ${reason.sectors.join("、")}`, `shared sector ${reason.sectors.join(", ")}`));
  if (reason.tags.length) parts.push(pick(locale, `共同技术 ${reason.tags.join("、")}`, `shared technology ${reason.tags.join(", ")}`));
  if (reason.cases.length) parts.push(pick(locale, `相似案例 ${reason.cases.join("；")}`, `similar cases ${reason.cases.join("; ")}`));
  const head = pick(locale, "为贵单位推荐", "recommended for your organisation");
  if (parts.length === 0) return head;
  return pick(locale, `${head}（${parts.join("；")}）`, `${head} (${parts.join("; ")})`);
}

function groupHeading(locale: MailLocale, group: DigestGroup): string {
  return pick(locale, `${group.sector}（${group.items.length}）`, `${group.sector} (${group.items.length})`);
}

function why(locale: MailLocale, item: DigestItem): string {
  return `${pick(locale, "匹配原因：", "Why: ")}${item.reasons.map((r) => reasonText(locale, r)).join(pick(locale, "；", "; "))}`;
}

function meta(locale: MailLocale, item: DigestItem): string {
  return [item.department, `${pick(locale, "预算 ", "Budget ")}${item.budget}`, `${pick(locale, "截止 ", "Deadline ")}${item.deadline}`].join(" · ");
}

function intro(locale: MailLocale, props: DigestProps): string {
  const count = itemCount(props.groups) + props.more;
  if (count === 0) return pick(locale, "本期没有新的匹配场景，但你关注的场景即将截止。", "Nothing new matched this time, but scenarios you follow close soon.");
  return pick(
    locale,
    `自上一期以来，有 ${count} 个新发布或重大变更的场景符合你的订阅（${props.periodLabel}）。`,
    `Since your last digest, ${count} newly published or materially amended scenario(s) match your subscriptions (${props.periodLabel}).`,
  );
}

export default function Digest(props: DigestProps) {
  const { locale, frequency, groups, more, closing, subscriptions, manageUrl, unsubscribeUrl } = props;
  return (
    <Layout locale={locale} preview={subject(props)} unsubscribeUrl={unsubscribeUrl}>
      <Heading as="h1" style={styles.heading}>
        {frequency === "daily" ? pick(locale, "每日场景订阅", "Your daily digest") : pick(locale, "每周场景订阅", "Your weekly digest")}
      </Heading>
      <Text style={styles.text}>{intro(locale, props)}</Text>
      {groups.map((group) => (
        <Section key={group.sector}>
          <h2 style={s.group}>{groupHeading(locale, group)}</h2>
          {group.items.map((item) => (
            <div key={item.code} style={s.item}>
              <a href={item.url} style={s.title}>{item.title}</a>
              {item.amended ? <span style={s.badge}>{pick(locale, "有重大变更", "amended")}</span> : null}
              <p style={s.meta}>{`${item.code} · ${meta(locale, item)}`}</p>
              <p style={s.why}>{why(locale, item)}</p>
              <p style={s.meta}>
                <a href={item.notRelevantUrl} style={s.small}>{pick(locale, "不相关", "Not relevant")}</a>
              </p>
            </div>
          ))}
        </Section>
      ))}
      {more > 0 ? (
        <Text style={styles.muted}>
          {pick(locale, `另有 ${more} 个场景未列出，`, `${more} more not listed here; `)}
          <Link href={manageUrl} style={styles.link}>{pick(locale, "在订阅管理页查看全部", "see them all on your subscriptions page")}</Link>
        </Text>
      ) : null}
      {closing.length > 0 ? (
        <Section>
          <h2 style={s.group}>{pick(locale, "关注的场景 7 天内截止", "Followed scenarios closing within 7 days")}</h2>
          {closing.map((c) => (
            <div key={c.code} style={s.item}>
              <a href={c.url} style={s.title}>{c.title}</a>
              <p style={s.meta}>{`${c.code} · ${pick(locale, "截止 ", "Deadline ")}${c.deadline}`}</p>
            </div>
          ))}
        </Section>
      ) : null}
      <h2 style={s.group}>{pick(locale, "本期涉及的订阅", "Subscriptions in this digest")}</h2>
      {subscriptions.map((sub) => (
        <p key={sub.unsubscribeUrl} style={s.meta}>
          {`${sub.name} · `}
          <a href={sub.unsubscribeUrl} style={s.small}>{pick(locale, "退订此项", "Unsubscribe from this one")}</a>
        </p>
      ))}
      <Text style={styles.muted}>
        <Link href={manageUrl} style={styles.link}>{pick(locale, "管理订阅（改名、频率、删除）", "Manage subscriptions (rename, frequency, delete)")}</Link>
      </Text>
    </Layout>
  );
}

/**
 * The plain-text part, written out rather than derived from the HTML: the same content in reading
 * order, and a digest run renders thousands of these (html-to-text costs more than the HTML itself).
 */
export function text(props: DigestProps): string {
  const { locale, groups, more, closing, subscriptions, manageUrl, unsubscribeUrl } = props;
  const lines: string[] = ["揭榜 Jiebang", "", subject(props).replace(/^【揭榜】|^\[Jiebang\] /, ""), "", intro(locale, props), ""];
  for (const group of groups) {
    lines.push(`== ${groupHeading(locale, group)} ==`, "");
    for (const item of group.items) {
      lines.push(`${item.title}${item.amended ? pick(locale, "【有重大变更】", " [amended]") : ""}`);
      lines.push(`${item.code} · ${meta(locale, item)}`, why(locale, item), item.url);
      lines.push(`${pick(locale, "不相关：", "Not relevant: ")}${item.notRelevantUrl}`, "");
    }
  }
  if (more > 0) lines.push(pick(locale, `另有 ${more} 个场景未列出：${manageUrl}`, `${more} more not listed here: ${manageUrl}`), "");
  if (closing.length > 0) {
    lines.push(`== ${pick(locale, "关注的场景 7 天内截止", "Followed scenarios closing within 7 days")} ==`, "");
    for (const c of closing) lines.push(c.title, `${c.code} · ${pick(locale, "截止 ", "Deadline ")}${c.deadline}`, c.url, "");
  }
  lines.push(`== ${pick(locale, "本期涉及的订阅", "Subscriptions in this digest")} ==`);
  for (const sub of subscriptions) lines.push(`${sub.name} · ${pick(locale, "退订此项：", "unsubscribe: ")}${sub.unsubscribeUrl}`);
  lines.push("", `${pick(locale, "管理订阅：", "Manage subscriptions: ")}${manageUrl}`, "");
  lines.push(
    pick(locale, "揭榜 Jiebang · 人工智能应用场景揭榜平台。本邮件由系统自动发送，请勿直接回复。", "Jiebang 揭榜 · AI application scenario marketplace. This mail was sent automatically; please do not reply."),
    `${pick(locale, "退订全部订阅邮件：", "Unsubscribe from all digests: ")}${unsubscribeUrl}`,
  );
  return lines.join("\n");
}

const sampleItem = (n: number, amended = false): DigestItem => ({
  code: `ZZ-2026-00${40 + n}`,
  title: ["防汛应急专家知识库与智能问答", "水库水位智能预测", "处方智能前置审核"][n % 3]!,
  department: ["郑州市水利局", "郑州市水利局", "郑州市卫生健康委员会"][n % 3]!,
  budget: "100 万元 – 200 万元",
  deadline: "2026年6月30日",
  url: `http://localhost:3000/scenarios/ZZ-2026-00${40 + n}`,
  notRelevantUrl: `http://localhost:3000/not-relevant/preview-${n}`,
  amended,
  reasons: n === 2
    ? [{ kind: "recommended", terms: ["处方", "审核"], sectors: ["医疗健康"], tags: ["大模型"], cases: ["智慧药房处方点评（2024）"] }]
    : [{ kind: "search", name: "防汛 · 郑东新区" }],
});

Digest.PreviewProps = {
  locale: "zh-CN",
  frequency: "daily",
  periodLabel: "2026年5月4日",
  groups: [
    { sector: "防灾减灾", items: [sampleItem(0), sampleItem(1, true)] },
    { sector: "医疗健康", items: [sampleItem(2)] },
  ],
  more: 0,
  closing: [{ code: "ZZ-2026-0031", title: "城市内涝积水点智能识别", deadline: "2026年5月9日", url: "http://localhost:3000/scenarios/ZZ-2026-0031" }],
  subscriptions: [
    { name: "防汛 · 郑东新区", unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-search" },
    { name: "为本单位推荐", unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-recommendations" },
  ],
  manageUrl: "http://localhost:3000/vendor/searches",
  unsubscribeUrl: "http://localhost:3000/unsubscribe/preview-all",
} satisfies DigestProps;
