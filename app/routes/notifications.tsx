import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listNotifications, markAllRead, markRead } from "~/modules/notifications/notification-list.server";
import { invariantResponse } from "~/utils/errors.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";
import { requireUser } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "通知 Notifications · 揭榜 Jiebang" }];

const MarkSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.string().min(1).max(64), next: z.string().max(500).optional() }),
  z.object({ intent: z.literal("readAll") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: MarkSchema });
  invariantResponse(submission.status === "success", 400);
  const value = submission.value;
  if (value.intent === "readAll") {
    await markAllRead(user.id);
    return redirectWithToast("/notifications", { kind: "success", message: "nt.toast.allRead" });
  }
  await markRead(user.id, value.id);
  // The form may name where to go next; the target is checked like every redirect.
  return redirect(safeRedirect(value.next, "/notifications"));
}

export default function NotificationsRoute() {
  const t = useT();
  const locale = useLocale();
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <section aria-labelledby="nt-title">
      <h1 id="nt-title">{t("nt.title")}</h1>
      {unread > 0 ? (
        <Form method="post">
          <button type="submit" name="intent" value="readAll" className="btn btn-secondary">{t("nt.markAllRead")}</button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p className="muted">{t("nt.empty")}</p> : null}
      <ul className="notification-list">
        {notifications.map((n) => (
          <li key={n.id} className={`card ${n.readAt ? "" : "notification-unread"}`}>
            <p>
              {n.readAt ? null : <span className="badge badge-material">{t("nt.unread")}</span>}{" "}
              {n.link ? <Link to={n.link}><strong>{n.title}</strong></Link> : <strong>{n.title}</strong>}
            </p>
            {n.body ? <p style={{ whiteSpace: "pre-line" }}>{n.body}</p> : null}
            <p className="muted small"><time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time></p>
            {n.readAt ? null : (
              <Form method="post">
                <input type="hidden" name="id" value={n.id} />
                <input type="hidden" name="next" value="/notifications" />
                <button type="submit" name="intent" value="read" className="btn btn-link">{t("nt.markRead")}</button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
