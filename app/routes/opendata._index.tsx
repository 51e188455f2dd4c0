import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { openDataPage } from "~/modules/opendata/opendata-page.server";
import { SECTORS, label } from "~/modules/scenarios/catalog";
import { useLocale, useT } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";

export const meta: MetaFunction = () => [{ title: "开放数据 Open data · 揭榜" }];

/** The open-data documentation: endpoints, fields, what is withheld, feeds and licence. Public, no JavaScript needed. */
export async function loader({ request }: LoaderFunctionArgs) {
  return { ...(await openDataPage()), locale: await getLocale(request) };
}

function Endpoint({ path, text }: { path: string; text: string }) {
  return (
    <li>
      <code>{path}</code>
      <p>{text}</p>
    </li>
  );
}

export default function OpenDataRoute() {
  const t = useT();
  const locale = useLocale();
  const { prefix, exampleOcid, departments } = useLoaderData<typeof loader>();
  const release = `/opendata/ocds/releases/${exampleOcid}.json`;
  const record = `/opendata/ocds/records/${exampleOcid}.json`;
  return (
    <article className="prose">
      <h1>{t("od.title")}</h1>
      <p>{t("od.intro")}</p>

      <section aria-labelledby="od-endpoints">
        <h2 id="od-endpoints">{t("od.endpoints")}</h2>
        <p>{t("od.ocid", { prefix, example: exampleOcid })}</p>
        <ul>
          <Endpoint path="GET /opendata/ocds/releases/{ocid}.json" text={t("od.endpoint.release")} />
          <Endpoint path="GET /opendata/ocds/records/{ocid}.json" text={t("od.endpoint.record")} />
          <Endpoint path="GET /opendata/ocds/releases.json?since=&after=&limit=" text={t("od.endpoint.bulk")} />
        </ul>
        <p>
          {t("od.endpoint.example")}: <a href={release}>{release}</a> · <a href={record}>{record}</a> ·{" "}
          <a href="/opendata/ocds/releases.json">/opendata/ocds/releases.json</a>
        </p>
      </section>

      <section aria-labelledby="od-fields">
        <h2 id="od-fields">{t("od.fields")}</h2>
        <ul>
          <li>{t("od.field.tender")}</li>
          <li>{t("od.field.parties")}</li>
          <li>{t("od.field.amendments")}</li>
          <li>{t("od.field.tenderers")}</li>
          <li>{t("od.field.cancellation")}</li>
        </ul>
        <h3>{t("od.withheld")}</h3>
        <p>{t("od.withheld.text")}</p>
      </section>

      <section aria-labelledby="od-feeds">
        <h2 id="od-feeds">{t("od.feeds")}</h2>
        <p>
          <a href="/feeds/scenarios.atom" type="application/atom+xml">{t("od.feed.all")}</a> — <code>/feeds/scenarios.atom</code>
        </p>
        <p>
          <a href="/feeds/awards.atom" type="application/atom+xml">{t("od.feed.awards")}</a> — <code>/feeds/awards.atom</code>
        </p>
        <p>{t("od.feed.sector")}</p>
        <ul className="inline-list">
          {SECTORS.map((s) => (
            <li key={s.key}><a href={`/feeds/sectors/${s.key}/scenarios.atom`} type="application/atom+xml">{label(SECTORS, s.key, locale)}</a></li>
          ))}
        </ul>
        <p>{t("od.feed.department")}</p>
        <ul className="inline-list">
          {departments.map((d) => (
            <li key={d.id}><a href={`/feeds/departments/${d.id}/scenarios.atom`} type="application/atom+xml">{(locale === "en" && d.nameEn) || d.name}</a></li>
          ))}
        </ul>
        <p>{t("od.feed.english")}</p>
      </section>

      <section aria-labelledby="od-licence">
        <h2 id="od-licence">{t("od.licence")}</h2>
        <p><a href="https://creativecommons.org/licenses/by/4.0/" rel="license">{t("od.licence.text")}</a></p>
      </section>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
