import { toPlainText } from "@react-email/render";
import { renderToStaticMarkup } from "react-dom/server";
import { buildMail, type MailLocale, type TemplateName, type TemplateProps } from "./index";

export type RenderedTemplate = { subject: string; html: string; text: string };

// What @react-email/render puts first; kept so mail clients see the same document type.
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * Subject, HTML and plain text of one mail. Templates are plain synchronous components, so React's
 * static renderer gives the same markup as @react-email/render's streaming one (less its `<!-- -->`
 * separators) in a quarter of the time — a digest run renders thousands. The plain text is the
 * template's own `text` when it has one (digests), else derived from that HTML; either way we pass it
 * to Resend ourselves.
 */
export async function renderTemplate<N extends TemplateName>(template: N, props: TemplateProps<N>, locale: MailLocale): Promise<RenderedTemplate> {
  const { element, subject, text } = buildMail(template, props, locale);
  const html = DOCTYPE + renderToStaticMarkup(element);
  return { subject, html, text: text ?? toPlainText(html) };
}
