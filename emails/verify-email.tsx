import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

export type VerifyEmailProps = {
  locale: MailLocale;
  name: string;
  verifyUrl: string;
};

export function subject({ locale }: VerifyEmailProps): string {
  return brandSubject(locale, pick(locale, "请验证你的邮箱地址", "Verify your email address"));
}

export default function VerifyEmail({ locale, name, verifyUrl }: VerifyEmailProps) {
  return (
    <Layout locale={locale} preview={pick(locale, "点击链接完成邮箱验证", "Confirm your address to finish signing up")}>
      <Heading as="h1" style={styles.heading}>
        {pick(locale, "验证你的邮箱地址", "Verify your email address")}
      </Heading>
      <Text style={styles.text}>{pick(locale, `${name}，你好：`, `Hello ${name},`)}</Text>
      <Text style={styles.text}>
        {pick(
          locale,
          "感谢注册揭榜平台。请点击下方按钮验证你的邮箱地址，验证后即可发布或响应场景。",
          "Thank you for registering with Jiebang. Please confirm your email address to start publishing or answering scenarios.",
        )}
      </Text>
      <ActionLink locale={locale} href={verifyUrl} label={pick(locale, "验证邮箱", "Verify email")} />
      <Text style={styles.muted}>
        {pick(locale, "如果这不是你本人的操作，请忽略本邮件。", "If you did not create an account, you can ignore this mail.")}
      </Text>
    </Layout>
  );
}

VerifyEmail.PreviewProps = {
  locale: "zh-CN",
  name: "张伟",
  verifyUrl: "http://localhost:3000/verify-email?token=preview",
} satisfies VerifyEmailProps;
