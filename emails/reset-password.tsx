import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

export type ResetPasswordProps = {
  locale: MailLocale;
  name: string;
  resetUrl: string;
  expiresInMinutes: number;
};

export function subject({ locale }: ResetPasswordProps): string {
  return brandSubject(locale, pick(locale, "重置你的密码", "Reset your password"));
}

export default function ResetPassword({ locale, name, resetUrl, expiresInMinutes }: ResetPasswordProps) {
  return (
    <Layout locale={locale} preview={pick(locale, "重置密码链接", "Your password reset link")}>
      <Heading as="h1" style={styles.heading}>
        {pick(locale, "重置密码", "Reset your password")}
      </Heading>
      <Text style={styles.text}>{pick(locale, `${name}，你好：`, `Hello ${name},`)}</Text>
      <Text style={styles.text}>
        {pick(
          locale,
          `我们收到了重置你揭榜账号密码的请求。请在 ${expiresInMinutes} 分钟内点击下方按钮设置新密码，链接只能使用一次。`,
          `We received a request to reset the password of your Jiebang account. The link below works once and expires in ${expiresInMinutes} minutes.`,
        )}
      </Text>
      <ActionLink locale={locale} href={resetUrl} label={pick(locale, "设置新密码", "Choose a new password")} />
      <Text style={styles.muted}>
        {pick(
          locale,
          "如果你没有申请重置密码，请忽略本邮件，你的密码不会改变。",
          "If you did not ask for this, ignore this mail; your password stays unchanged.",
        )}
      </Text>
    </Layout>
  );
}

ResetPassword.PreviewProps = {
  locale: "zh-CN",
  name: "张伟",
  resetUrl: "http://localhost:3000/reset-password?token=preview",
  expiresInMinutes: 30,
} satisfies ResetPasswordProps;
