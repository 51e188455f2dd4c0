import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Fragment } from "react";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { requireOutboxAccess } from "~/modules/notifications/outbox-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.mail.subject} · 开发邮件箱 Outbox` : "开发邮件箱 Outbox" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOutboxAccess(request);

  const mail = await db.mail.findUnique({
    where: { id: params.mailId ?? "" },
    select: {
      id: true,
      idempotencyKey: true,
      to: true,
      subject: true,
      html: true,
      text: true,
      headers: true,
      template: true,
      status: true,
      attempts: true,
      providerId: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  if (!mail) throw new Response("Not Found", { status: 404 });

  const headers = Object.entries((mail.headers ?? {}) as Record<string, unknown>).map(([name, value]) => ({
    name,
    value: String(value),
  }));
  return {
    from: env().MAIL_FROM,
    mail: { ...mail, headers, createdAt: mail.createdAt.toISOString(), sentAt: mail.sentAt?.toISOString() ?? null },
    links: extractLinks(mail.html),
  };
}

/** hrefs of the mail, decoded and deduplicated, so a developer or an e2e test can follow them. */
function extractLinks(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = decodeEntities((match[1] ?? match[2] ?? "").trim());
    // Only schemes a browser should follow from here; never javascript: and friends.
    if (/^(https?:|mailto:)/i.test(href)) found.add(href);
  }
  return [...found];
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export default function OutboxMail() {
  const { from, mail, links } = useLoaderData<typeof loader>();
  return (
    <main className="dev-outbox">
      <p>
        <Link to="/dev/outbox">← 开发邮件箱 Outbox</Link>
      </p>
      <h1>{mail.subject}</h1>
      <section aria-labelledby="mail-headers">
        <h2 id="mail-headers">邮件头 Headers</h2>
        <dl className="dev-outbox__headers">
          <dt>From</dt>
          <dd>{from}</dd>
          <dt>To</dt>
          <dd>{mail.to}</dd>
          <dt>Subject</dt>
          <dd>{mail.subject}</dd>
          {mail.headers.map((h) => (
            <Fragment key={h.name}>
              <dt>{h.name}</dt>
              <dd>{h.value}</dd>
            </Fragment>
          ))}
          <dt>状态 Status</dt>
          <dd>
            {mail.status}
            {mail.attempts > 0 ? ` · ${mail.attempts} 次尝试 attempts` : ""}
          </dd>
          {mail.lastError ? (
            <>
              <dt>最近错误 Last error</dt>
              <dd>{mail.lastError}</dd>
            </>
          ) : null}
          <dt>模板 Template</dt>
          <dd>{mail.template}</dd>
          <dt>幂等键 Idempotency key</dt>
          <dd>
            <code>{mail.idempotencyKey}</code>
          </dd>
          {mail.providerId ? (
            <>
              <dt>Resend ID</dt>
              <dd>
                <code>{mail.providerId}</code>
              </dd>
            </>
          ) : null}
          <dt>创建时间 Created</dt>
          <dd>
            <time dateTime={mail.createdAt}>{mail.createdAt}</time>
          </dd>
          {mail.sentAt ? (
            <>
              <dt>发送时间 Sent</dt>
              <dd>
                <time dateTime={mail.sentAt}>{mail.sentAt}</time>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="mail-links">
        <h2 id="mail-links">邮件中的链接 Links</h2>
        <ul aria-label="Links in this mail">
          {links.map((href) => (
            <li key={href}>
              <a href={href}>{href}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="mail-html">
        <h2 id="mail-html">HTML</h2>
        {/* Empty sandbox: the mail's markup is untrusted, so no scripts, forms or same-origin access. */}
        <iframe
          title={`HTML: ${mail.subject}`}
          srcDoc={mail.html}
          sandbox=""
          className="dev-outbox__frame"
          style={{ width: "100%", height: "640px", border: "1px solid #d0d7de" }}
        />
      </section>
      <section aria-labelledby="mail-text">
        <h2 id="mail-text">纯文本 Plain text</h2>
        <pre style={{ whiteSpace: "pre-wrap" }}>{mail.text}</pre>
      </section>
    </main>
  );
}

// Same 404/500 page as the rest of the app (disabled outbox or unknown mail id both end here).
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
