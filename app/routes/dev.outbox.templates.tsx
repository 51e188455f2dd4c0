import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TEMPLATE_NAMES, TEMPLATE_SAMPLES, type MailLocale, type TemplateName, type TemplateProps } from "../../emails";
import { renderTemplate } from "../../emails/render";
import { requireOutboxAccess } from "~/modules/notifications/outbox-access.server";

export const meta: MetaFunction = () => [{ title: "邮件模板 Mail templates · 开发邮件箱 Outbox" }, { name: "robots", content: "noindex" }];

const LOCALES: MailLocale[] = ["zh-CN", "en"];

// Every template of emails/ with its sample data, in both languages, HTML and plain text: what a
// recipient would get for each event. Same access as the outbox (a developer's page on a local run).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOutboxAccess(request);
  const templates = await Promise.all(
    TEMPLATE_NAMES.map(async (name) => ({
      name,
      samples: await Promise.all(
        TEMPLATE_SAMPLES[name].map(async (sample) => ({
          label: sample.label,
          renders: await Promise.all(
            LOCALES.map(async (locale) => ({ locale, ...(await renderTemplate(name as TemplateName, sample.props as TemplateProps<TemplateName>, locale)) })),
          ),
        })),
      ),
    })),
  );
  return { templates };
}

export default function OutboxTemplates() {
  const { templates } = useLoaderData<typeof loader>();
  return (
    <main className="dev-outbox">
      <p>
        <Link to="/dev/outbox">← 开发邮件箱 Outbox</Link>
      </p>
      <h1>邮件模板 Mail templates</h1>
      <p>
        emails/ 中的全部模板，使用示例数据，中英文各一份（HTML 与纯文本）。Every template in emails/ with sample data, in
        Chinese and English (HTML and plain text).
      </p>
      <nav aria-label="模板 Templates">
        <ul>
          {templates.map((t) => (
            <li key={t.name}>
              <a href={`#tpl-${t.name}`}>{t.name}</a> ({t.samples.length})
            </li>
          ))}
        </ul>
      </nav>
      {templates.map((t) => (
        <section key={t.name} id={`tpl-${t.name}`} aria-labelledby={`tpl-${t.name}-title`}>
          <h2 id={`tpl-${t.name}-title`}>{t.name}</h2>
          {t.samples.map((sample) => (
            <div key={sample.label}>
              {t.samples.length > 1 ? <h3>{sample.label}</h3> : null}
              <div className="dev-outbox__pair" style={{ display: "grid", gap: "1rem", gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))" }}>
                {sample.renders.map((r) => (
                  <article key={r.locale} aria-label={`${t.name} · ${sample.label} · ${r.locale}`}>
                    <p>
                      <strong>{r.locale}</strong> · {r.subject}
                    </p>
                    {/* Empty sandbox, as on the mail page: template markup never runs scripts here. */}
                    <iframe
                      title={`${t.name} ${sample.label} ${r.locale}`}
                      srcDoc={r.html}
                      sandbox=""
                      loading="lazy"
                      style={{ width: "100%", height: "480px", border: "1px solid #d0d7de" }}
                    />
                    <details>
                      <summary>纯文本 Plain text</summary>
                      <pre style={{ whiteSpace: "pre-wrap" }}>{r.text}</pre>
                    </details>
                  </article>
                ))}
              </div>
            </div>
          ))}
        </section>
      ))}
    </main>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
