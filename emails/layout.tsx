import type { CSSProperties, ReactNode } from "react";
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "./primitives";

export type MailLocale = "zh-CN" | "en";

/** Picks the copy for the mail's locale; Chinese is the default audience. */
export function pick<T>(locale: MailLocale, zh: T, en: T): T {
  return locale === "en" ? en : zh;
}

/** Subject lines carry the brand the way Chinese government mail usually does (【…】 prefix). */
export function brandSubject(locale: MailLocale, text: string): string {
  return pick(locale, `【揭榜】${text}`, `[Jiebang] ${text}`);
}

// Mail clients ignore web fonts more often than not, so we name the CJK system fonts
// that are actually installed on Chinese desktops and phones, in order of preference.
const fontFamily =
  '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Hiragino Sans GB",-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif';

export const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", borderRadius: 8, margin: "0 auto", maxWidth: 560, padding: "32px 32px 24px" },
  brand: { color: "#b71c1c", fontSize: 20, fontWeight: 700, letterSpacing: "0.04em", margin: "0 0 24px" },
  heading: { color: "#1f2328", fontSize: 20, fontWeight: 600, lineHeight: "30px", margin: "0 0 16px" },
  // CJK text reads better with a taller line height than Latin defaults.
  text: { color: "#1f2328", fontSize: 15, lineHeight: "26px", margin: "0 0 16px" },
  muted: { color: "#57606a", fontSize: 13, lineHeight: "22px", margin: "0 0 8px" },
  button: {
    backgroundColor: "#b71c1c",
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 15,
    fontWeight: 600,
    padding: "12px 24px",
    textDecoration: "none",
  },
  link: { color: "#0b57d0", wordBreak: "break-all" },
  hr: { borderColor: "#e5e7eb", margin: "24px 0 16px" },
  footer: { color: "#8c959f", fontSize: 12, lineHeight: "20px", margin: "0 0 4px" },
} satisfies Record<string, CSSProperties>;

type LayoutProps = {
  locale: MailLocale;
  /** Inbox preview line shown next to the subject. */
  preview: string;
  /** Present on mails a user subscribed to (digests, notices); never on security mails. */
  unsubscribeUrl?: string;
  children: ReactNode;
};

export function Layout({ locale, preview, unsubscribeUrl, children }: LayoutProps) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>揭榜 Jiebang</Text>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>
            {pick(
              locale,
              "揭榜 Jiebang · 人工智能应用场景揭榜平台。本邮件由系统自动发送，请勿直接回复。",
              "Jiebang 揭榜 · AI application scenario marketplace. This mail was sent automatically; please do not reply.",
            )}
          </Text>
          {unsubscribeUrl ? (
            <Text style={styles.footer}>
              <Link href={unsubscribeUrl} style={styles.link}>
                {pick(locale, "退订此类邮件", "Unsubscribe from these emails")}
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

/**
 * The call-to-action button plus the same URL as text: some clients strip buttons, and
 * the plain-text part needs the bare link anyway.
 */
export function ActionLink({ locale, href, label }: { locale: MailLocale; href: string; label: string }) {
  return (
    <Section>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.muted}>
        {pick(locale, "如果按钮无法点击，请复制以下链接到浏览器打开：", "If the button does not work, copy this link into your browser:")}
      </Text>
      <Text style={styles.muted}>
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
