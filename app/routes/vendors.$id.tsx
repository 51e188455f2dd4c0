import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { localisedText } from "~/components/scenario-list-item";
import { VerifiedBadge } from "~/components/search-vendor-hit";
import { DISTRICTS, SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { db } from "~/utils/db.server";
import { invariantResponse } from "~/utils/errors.server";
import { translator, useLocale, useT } from "~/utils/i18n";
import { getLocale } from "~/utils/locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "揭榜 Jiebang" }];
  const v = data.vendor;
  return [
    { title: `${localisedText(v.name, v.nameEn, data.locale)} · ${translator(data.locale)("app.name")}` },
    { name: "description", content: localisedText(v.intro, v.introEn, data.locale).slice(0, 160) },
    // Search engines wait for the platform's check before listing an organisation (ADR 008).
    ...(v.verified ? [] : [{ name: "robots", content: "noindex" }]),
  ];
};

// Only what a vendor publishes to be found: no contact person, phone, e-mail or credit code (those are
// for the parties of a call). Members edit the profile at /vendor/profile.
const profileSelect = {
  id: true, name: true, nameEn: true, type: true, verified: true, intro: true, introEn: true, district: true,
  website: true, sectors: true, techTags: true, districts: true, products: true, certifications: true, teamSize: true,
  pastCases: {
    select: { id: true, title: true, sector: true, year: true, summary: true, deliveredCase: { select: { scenario: { select: { code: true } } } } },
    orderBy: [{ year: "desc" as const }, { title: "asc" as const }],
  },
};

// Public, no guard. Departments and the platform have no public profile: 404, as for an unknown id.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  invariantResponse(/^[a-z0-9]{8,40}$/i.test(id), 404);
  const vendor = await db.organisation.findFirst({ where: { id, type: { in: ["vendor", "institute"] } }, select: profileSelect });
  invariantResponse(vendor, 404);
  // Only a web address is linked; anything else (javascript:, data:) is shown as nothing.
  const website = vendor.website && /^https?:\/\/[^\s]+$/i.test(vendor.website) ? vendor.website : null;
  return { vendor: { ...vendor, website }, locale: await getLocale(request) };
}

function TagList({ keys, list }: { keys: string[]; list: Parameters<typeof label>[0] }) {
  const locale = useLocale();
  const t = useT();
  if (keys.length === 0) return <p className="muted">{t("common.none")}</p>;
  return <p className="scenario-tags">{keys.map((k) => <span key={k} className="tag">{label(list, k, locale)}</span>)}</p>;
}

export default function VendorProfileRoute() {
  const t = useT();
  const locale = useLocale();
  const { vendor: v } = useLoaderData<typeof loader>();
  const showEnglish = locale === "en" && !!v.nameEn;
  const districts = [...new Set([...(v.district ? [v.district] : []), ...v.districts])];
  // Cases delivered on the platform (a completed scenario) apart from the ones the vendor typed itself.
  const delivered = v.pastCases.filter((c) => c.deliveredCase);
  const declared = v.pastCases.filter((c) => !c.deliveredCase);
  return (
    <article className="vendor-profile">
      <p className="meta-row">
        <Link to="/vendors">{t("vp.back")}</Link>
        <span>{t(v.type === "institute" ? "orgType.institute" : "orgType.vendor")}</span>
        <VerifiedBadge verified={v.verified} />
      </p>
      <h1 lang={showEnglish ? "en" : "zh-CN"}>{showEnglish ? v.nameEn : v.name}</h1>
      {showEnglish ? <p className="muted" lang="zh-CN">{v.name}</p> : null}
      {/* Self-registered and not yet checked by the platform: said in words, not only by the badge (ADR 008). */}
      {v.verified ? null : <p className="status-banner" role="note">{t("vp.unverifiedNote")}</p>}
      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="vp-intro">
            <h2 id="vp-intro">{t("vp.intro")}</h2>
            <p className="pre-line">{localisedText(v.intro, v.introEn, locale) || t("common.none")}</p>
            <p className="meta-row">
              {v.district ? <span>{t("vp.registered", { district: label(DISTRICTS, v.district, locale) })}</span> : null}
              {v.teamSize ? <span>{t("vp.teamSize", { n: v.teamSize })}</span> : null}
              {v.website ? <a href={v.website} rel="nofollow noopener noreferrer" target="_blank">{t("vp.website")}</a> : null}
            </p>
          </section>
          <section className="card" aria-labelledby="vp-delivered">
            <h2 id="vp-delivered">{t("dl.vp.delivered")}</h2>
            {delivered.length === 0 ? <p className="muted">{t("dl.vp.noneDelivered")}</p> : (
              <ul className="vendor-cases">
                {delivered.map((c) => (
                  <li key={c.id}>
                    <h3><Link to={`/cases/${c.deliveredCase!.scenario.code}`}>{c.title}</Link></h3>
                    <p className="meta-row"><span>{c.year}</span><span>{label(SECTORS, c.sector, locale)}</span><span className="badge">{t("dl.vp.verified")}</span></p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="vp-cases">
            <h2 id="vp-cases">{t("vp.cases")}</h2>
            {declared.length === 0 ? <p className="muted">{t("vp.noCases")}</p> : (
              <ul className="vendor-cases">
                {declared.map((c) => (
                  <li key={c.id}>
                    <h3>{c.title}</h3>
                    <p className="meta-row"><span>{c.year}</span><span>{label(SECTORS, c.sector, locale)}</span></p>
                    {c.summary ? <p>{c.summary}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside>
          <section className="card" aria-labelledby="vp-sectors">
            <h2 id="vp-sectors">{t("vp.sectors")}</h2>
            <TagList keys={v.sectors} list={SECTORS} />
            <h2>{t("vp.tags")}</h2>
            <TagList keys={v.techTags} list={TECH_TAGS} />
            <h2>{t("vp.districts")}</h2>
            <TagList keys={districts} list={DISTRICTS} />
          </section>
          <section className="card" aria-labelledby="vp-products">
            <h2 id="vp-products">{t("vp.products")}</h2>
            {v.products.length ? <ul className="plain-list">{v.products.map((p) => <li key={p}>{p}</li>)}</ul> : <p className="muted">{t("common.none")}</p>}
            <h2>{t("vp.certifications")}</h2>
            {v.certifications.length ? <ul className="plain-list">{v.certifications.map((c) => <li key={c}>{c}</li>)}</ul> : <p className="muted">{t("common.none")}</p>}
          </section>
        </aside>
      </div>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
