import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "~/utils/db.server";
import { requireOutboxAccess } from "~/modules/notifications/outbox-access.server";

export const meta: MetaFunction = () => [{ title: "开发邮件箱 Outbox" }, { name: "robots", content: "noindex" }];

const LIMIT = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOutboxAccess(request);

  const to = new URL(request.url).searchParams.get("to")?.trim() ?? "";
  const mails = await db.mail.findMany({
    where: to ? { to: { equals: to, mode: "insensitive" } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: { id: true, to: true, subject: true, status: true, createdAt: true },
  });
  // ISO strings so server and browser render the same text (no hydration mismatch across time zones).
  return { to, mails: mails.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
}

export default function OutboxIndex() {
  const { to, mails } = useLoaderData<typeof loader>();
  return (
    <main className="dev-outbox">
      <h1>开发邮件箱 Outbox</h1>
      <p>
        没有配置 RESEND_API_KEY 时，邮件保存在这里而不会真正发出。Without RESEND_API_KEY, mail is kept here instead of
        being sent. <Link to="/dev/outbox/templates">全部邮件模板 All mail templates</Link>
      </p>
      <Form method="get" role="search" className="dev-outbox__filter">
        <label htmlFor="outbox-to">收件人 Recipient</label> <input id="outbox-to" type="email" name="to" defaultValue={to} />{" "}
        <button type="submit">筛选 Filter</button> {to ? <Link to="/dev/outbox">清除 Clear</Link> : null}
      </Form>
      <table className="dev-outbox__table">
        <caption>
          {to ? `发给 ${to} 的最近 ${LIMIT} 封邮件 · Latest ${LIMIT} mails to ${to}` : `最近 ${LIMIT} 封邮件 · Latest ${LIMIT} mails`}
        </caption>
        <thead>
          <tr>
            <th scope="col">时间 Time</th>
            <th scope="col">收件人 To</th>
            <th scope="col">主题 Subject</th>
            <th scope="col">状态 Status</th>
          </tr>
        </thead>
        <tbody>
          {mails.length === 0 ? (
            <tr>
              <td colSpan={4}>暂无邮件 No mail yet</td>
            </tr>
          ) : (
            mails.map((mail) => (
              <tr key={mail.id}>
                <td>
                  <time dateTime={mail.createdAt}>{formatUtc(mail.createdAt)}</time>
                </td>
                <td>{mail.to}</td>
                <td>
                  <Link to={`/dev/outbox/${mail.id}`}>{mail.subject}</Link>
                </td>
                <td>{mail.status}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </main>
  );
}

function formatUtc(iso: string): string {
  return `${iso.slice(0, 19).replace("T", " ")} UTC`;
}

// Same 404/500 page as the rest of the app (disabled outbox or unknown mail id both end here).
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
