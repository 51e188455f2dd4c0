import { Heading, Text } from "./primitives";
import { ActionLink, Layout, brandSubject, pick, styles, type MailLocale } from "./layout";

export type InvitationProps = {
  locale: MailLocale;
  inviterName: string;
  orgName: string;
  /** Already translated by the caller (roles are labelled per locale in app/locales). */
  roleLabel: string;
  acceptUrl: string;
};

export function subject({ locale, inviterName, orgName }: InvitationProps): string {
  return brandSubject(
    locale,
    pick(locale, `${inviterName} 邀请你加入「${orgName}」`, `${inviterName} invited you to join ${orgName}`),
  );
}

export default function Invitation({ locale, inviterName, orgName, roleLabel, acceptUrl }: InvitationProps) {
  return (
    <Layout locale={locale} preview={pick(locale, `加入「${orgName}」`, `Join ${orgName} on Jiebang`)}>
      <Heading as="h1" style={styles.heading}>
        {pick(locale, `加入「${orgName}」`, `Join ${orgName}`)}
      </Heading>
      <Text style={styles.text}>
        {pick(
          locale,
          `${inviterName} 邀请你以「${roleLabel}」身份加入揭榜平台上的「${orgName}」。`,
          `${inviterName} invited you to join ${orgName} on Jiebang as ${roleLabel}.`,
        )}
      </Text>
      <ActionLink locale={locale} href={acceptUrl} label={pick(locale, "接受邀请", "Accept invitation")} />
      <Text style={styles.muted}>
        {pick(
          locale,
          "如果你不认识邀请人，请忽略本邮件，未接受的邀请会自动失效。",
          "If you do not know the sender, ignore this mail; unaccepted invitations expire on their own.",
        )}
      </Text>
    </Layout>
  );
}

Invitation.PreviewProps = {
  locale: "zh-CN",
  inviterName: "李娜",
  orgName: "杭州市数据资源管理局",
  roleLabel: "管理员",
  acceptUrl: "http://localhost:3000/invitations/preview",
} satisfies InvitationProps;
