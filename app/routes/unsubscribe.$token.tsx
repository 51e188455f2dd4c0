import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { clientIp } from "~/modules/accounts/rate-limit.server";
import { MANAGE_PATH } from "~/modules/digests/digest-shared";
import { resolveUnsubscribe, resubscribe, unsubscribe } from "~/modules/digests/unsubscribe.server";
import { translator, useT } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";

export const meta: MetaFunction = () => [{ title: "退订 Unsubscribe · 揭榜 Jiebang" }, { name: "robots", content: "noindex" }];

// Public, no session: the signed token in the URL is the permission (link-tokens.server.ts).
// GET never changes anything (mail scanners open links): it asks to confirm, or shows the state
// with an undo. POST unsubscribes at once — RFC 8058's one-click POST from the mail client
// ("List-Unsubscribe=One-Click", no cookies, no redirect followed) as well as this page's button.
export async function loader({ params }: LoaderFunctionArgs) {
  const target = await resolveUnsubscribe(params.token ?? "");
  if (!target) throw new Response("dg.unsub.invalid", { status: 404 });
  return {
    scope: target.token.scope,
    email: target.email,
    name: target.name ?? target.orgName ?? "",
    exists: target.exists,
    unsubscribed: target.unsubscribed,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await request.formData().catch(() => new FormData());
  const intent = form.get("intent");
  const context = { ip: clientIp(request), userAgent: request.headers.get("User-Agent") };
  const target = intent === "undo" ? await resubscribe(token, context) : await unsubscribe(token, intent === "unsubscribe" ? "link" : "one_click", context);
  const t = translator(await getLocale(request));
  if (!target) return new Response(t("dg.unsub.invalid"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // The page's own buttons come back to the page; a mail client gets a plain answer.
  if (intent === "undo" || intent === "unsubscribe") return redirect(`/unsubscribe/${encodeURIComponent(token)}`);
  return new Response(t("dg.unsub.oneClick"), { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export default function UnsubscribePage() {
  const t = useT();
  const { scope, email, name, exists, unsubscribed } = useLoaderData<typeof loader>();
  const one = scope !== "all";
  return (
    <section aria-labelledby="unsub-title" className="narrow">
      <h1 id="unsub-title">{t("dg.unsub.title")}</h1>
      {!exists ? (
        <p role="status">{t("dg.unsub.gone")}</p>
      ) : unsubscribed ? (
        <>
          <p role="status">{one ? t("dg.unsub.doneOne", { name }) : t("dg.unsub.doneAll", { email })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="undo" />
            <button type="submit" className="btn btn-secondary">{t("dg.unsub.undo")}</button>
          </Form>
        </>
      ) : (
        <>
          <p>{one ? t("dg.unsub.confirmOne", { name }) : t("dg.unsub.confirmAll", { email })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="unsubscribe" />
            <button type="submit" className="btn">{t("dg.unsub.button")}</button>
          </Form>
        </>
      )}
      <p className="muted small"><Link to={MANAGE_PATH}>{t("dg.unsub.manage")}</Link></p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
