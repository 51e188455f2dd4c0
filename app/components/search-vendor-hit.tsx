import { AppLink } from "./app-link";
import type { VendorHit } from "../../search/vendor-search.server";
import { SECTORS, TECH_TAGS, label } from "~/modules/scenarios/catalog";
import { useLocale, useT } from "~/utils/i18n";
import { localisedText } from "./scenario-list-item";
import { Highlight } from "./search-highlight";

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const t = useT();
  return verified
    ? <span className="badge badge-verified">✓ {t("search.v.verifiedBadge")}</span>
    : <span className="badge badge-unverified" title={t("vp.unverifiedNote")}>{t("search.v.unverifiedBadge")}</span>;
}

/** One organisation in the directory: name, type, verification, intro, sectors, tags, a few products. */
export function VendorSearchHit({ hit }: { hit: VendorHit }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="scenario-item">
      <div className="meta-row">
        <span>{t(hit.type === "institute" ? "orgType.institute" : "orgType.vendor")}</span>
        <VerifiedBadge verified={hit.verified} />
      </div>
      <h2><AppLink to={`/vendors/${hit.id}`}><Highlight text={localisedText(hit.name, hit.nameEn, locale)} /></AppLink></h2>
      {locale === "en" && hit.nameEn ? <p className="muted small" lang="zh-CN"><Highlight text={hit.name} /></p> : null}
      <p className="scenario-summary vendor-intro"><Highlight text={localisedText(hit.intro, hit.introEn, locale)} /></p>
      <div className="meta-row">
        {hit.sectors.map((s) => <span key={s}>{label(SECTORS, s, locale)}</span>)}
      </div>
      {hit.products.length > 0 ? (
        <p className="small"><span className="muted">{t("search.v.products")}{locale === "en" ? ": " : "："}</span>{hit.products.slice(0, 3).join(locale === "en" ? ", " : "、")}</p>
      ) : null}
      {hit.techTags.length > 0 ? (
        <div className="scenario-tags">
          {hit.techTags.map((tag) => <span key={tag} className="tag">{label(TECH_TAGS, tag, locale)}</span>)}
        </div>
      ) : null}
    </li>
  );
}
