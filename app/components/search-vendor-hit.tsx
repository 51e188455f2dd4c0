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

/**
 * What one organisation in the directory shows, its texts in the reader's language (English where
 * written, else Chinese). The directory's loader sends only this to the browser (ADR 015).
 */
export type VendorCard = Pick<VendorHit, "id" | "type" | "verified" | "sectors" | "techTags"> & {
  name: string;
  /** The Chinese name, shown under an English one. */
  chineseName: string | null;
  intro: string;
  products: string[];
};

const PRODUCTS_SHOWN = 3;

export function vendorCard(hit: VendorHit, locale: string): VendorCard {
  return {
    id: hit.id, type: hit.type, verified: hit.verified, sectors: hit.sectors, techTags: hit.techTags,
    name: localisedText(hit.name, hit.nameEn, locale), chineseName: locale === "en" && hit.nameEn ? hit.name : null,
    intro: localisedText(hit.intro, hit.introEn, locale), products: hit.products.slice(0, PRODUCTS_SHOWN),
  };
}

/** One organisation in the directory: name, type, verification, intro, sectors, tags, a few products. */
export function VendorSearchHit({ card }: { card: VendorCard }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="scenario-item">
      <div className="meta-row">
        <span>{t(card.type === "institute" ? "orgType.institute" : "orgType.vendor")}</span>
        <VerifiedBadge verified={card.verified} />
      </div>
      <h2><AppLink to={`/vendors/${card.id}`}><Highlight text={card.name} /></AppLink></h2>
      {card.chineseName ? <p className="muted small" lang="zh-CN"><Highlight text={card.chineseName} /></p> : null}
      <p className="scenario-summary vendor-intro"><Highlight text={card.intro} /></p>
      <div className="meta-row">
        {card.sectors.map((s) => <span key={s}>{label(SECTORS, s, locale)}</span>)}
      </div>
      {card.products.length > 0 ? (
        <p className="small"><span className="muted">{t("search.v.products")}{locale === "en" ? ": " : "："}</span>{card.products.join(locale === "en" ? ", " : "、")}</p>
      ) : null}
      {card.techTags.length > 0 ? (
        <div className="scenario-tags">
          {card.techTags.map((tag) => <span key={tag} className="tag">{label(TECH_TAGS, tag, locale)}</span>)}
        </div>
      ) : null}
    </li>
  );
}
