import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { clientIp } from "~/modules/accounts/rate-limit.server";
import { markNotRelevantFromMail, resolveNotRelevant } from "~/modules/digests/not-relevant.server";
import { localisedText } from "~/components/scenario-list-item";
import { useLocale, useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "不相关 Not relevant · 揭榜 Jiebang" }, { name: "robots", content: "noindex" }];

// Public, no session: the signed token names the recipient, their organisation and the scenario.
// GET asks (mail scanners open every link); the button POSTs and records the feedback.
export async function loader({ params }: LoaderFunctionArgs) {
  const target = await resolveNotRelevant(params.token ?? "");
  if (!target) throw new Response("dg.nr.invalid", { status: 404 });
  const { scenario } = target;
  return {
    title: scenario.title,
    titleEn: scenario.titleEn,
    code: scenario.code,
    orgName: target.orgName,
    marked: target.marked,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const target = await markNotRelevantFromMail(token, { ip: clientIp(request), userAgent: request.headers.get("User-Agent") });
  if (!target) throw new Response("dg.nr.invalid", { status: 404 });
  return redirect(`/not-relevant/${encodeURIComponent(token)}`);
}

export default function NotRelevantPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const { code, orgName, marked } = data;
  const title = localisedText(data.title, data.titleEn, locale);
  return (
    <section aria-labelledby="nr-title" className="narrow">
      <h1 id="nr-title">{t("dg.nr.title")}</h1>
      {marked ? (
        <p role="status">{t("dg.nr.done", { title })}</p>
      ) : (
        <>
          <p>{t("dg.nr.confirm", { title, org: orgName })}</p>
          <Form method="post">
            <button type="submit" className="btn">{t("dg.nr.button")}</button>
          </Form>
        </>
      )}
      <p className="muted small"><Link to={`/scenarios/${encodeURIComponent(code)}`}>{t("dg.nr.view")}</Link></p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
