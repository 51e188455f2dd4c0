import { render } from "@react-email/render";
import { buildMail, type MailLocale, type TemplateName, type TemplateProps } from "./index";

export type RenderedTemplate = { subject: string; html: string; text: string };

/**
 * Subject, HTML and plain text of one mail. The plain text is the template's own `text` when it
 * has one (digests), else derived from the HTML; either way it is passed to Resend by us.
 */
export async function renderTemplate<N extends TemplateName>(template: N, props: TemplateProps<N>, locale: MailLocale): Promise<RenderedTemplate> {
  const { element, subject, text } = buildMail(template, props, locale);
  const [html, plain] = await Promise.all([render(element), text ?? render(element, { plainText: true })]);
  return { subject, html, text: plain };
}
