import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

// Sent instead of an error when someone signs up with a registered address, so the sign-up form
// never reveals which addresses have accounts.
export type AccountExistsProps = {
  locale: MailLocale;
  name: string;
  loginUrl: string;
  forgotUrl: string;
};

export function subject({ locale }: AccountExistsProps): string {
  return brandSubject(locale, pick(locale, "该邮箱已注册", "This address already has an account"));
}

export default function AccountExists({ locale, name, loginUrl, forgotUrl }: AccountExistsProps) {
  return (
    <Layout locale={locale} preview={pick(locale, "你已经有揭榜账号", "You already have a Jiebang account")}>
      <Heading as="h1" style={styles.heading}>
        {pick(locale, "你已经有账号了", "You already have an account")}
      </Heading>
      <Text style={styles.text}>{pick(locale, `${name}，你好：`, `Hello ${name},`)}</Text>
      <Text style={styles.text}>
        {pick(
          locale,
          "有人使用本邮箱在揭榜平台申请注册，但该邮箱已有账号。请直接登录；如果忘记了密码，可以重新设置。",
          "Someone tried to register on Jiebang with this address, which already has an account. Log in directly, or set a new password if you forgot it.",
        )}
      </Text>
      <ActionLink locale={locale} href={loginUrl} label={pick(locale, "登录", "Log in")} />
      <ActionLink locale={locale} href={forgotUrl} label={pick(locale, "重新设置密码", "Reset password")} />
      <Text style={styles.muted}>
        {pick(locale, "如果这不是你本人的操作，请忽略本邮件。", "If this was not you, ignore this mail.")}
      </Text>
    </Layout>
  );
}

AccountExists.PreviewProps = {
  locale: "zh-CN",
  name: "张伟",
  loginUrl: "http://localhost:3000/login",
  forgotUrl: "http://localhost:3000/forgot-password",
} satisfies AccountExistsProps;
