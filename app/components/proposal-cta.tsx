import { Link } from "@remix-run/react";
import type { ProposalCtaData } from "~/modules/proposals/proposal-queries.server";
import { useT } from "~/utils/i18n";
import { ProposalStatusBadge } from "./proposal-status-badge";

// 场景页上的“揭榜申报”区块：只提示与链接，是否能申报由申报页的服务器端再判断。
// The scenario page's call to action: hints and a link only; the proposal page's server decides.
export function ProposalCta({ cta }: { cta: ProposalCtaData }) {
  const t = useT();
  const href = `/vendor/proposals/${cta.code}`;
  let body;
  if (!cta.open && !cta.proposalStatus) body = <p className="muted">{t("pr.cta.closed")}</p>;
  else if (!cta.allowed) body = <p role="note">{t("pr.cta.directed")}</p>;
  else if (cta.viewer === "anonymous") body = <Link to={`/login?redirectTo=${encodeURIComponent(href)}`} className="btn">{t("pr.cta.login")}</Link>;
  else if (cta.viewer === "other") body = <p className="muted">{t("pr.cta.open")}</p>;
  else body = (
    <>
      {cta.open ? <p className="muted">{t("pr.cta.open")}</p> : <p className="muted">{t("pr.cta.closed")}</p>}
      <p className="actions">
        <Link to={href} className="btn">{cta.proposalStatus ? t("pr.cta.continue") : t("pr.cta.start")}</Link>
        {cta.proposalStatus ? <ProposalStatusBadge status={cta.proposalStatus} /> : null}
      </p>
    </>
  );
  return (
    <section className="card proposal-cta" aria-labelledby="proposal-cta-title">
      <h2 id="proposal-cta-title">{t("pr.cta.title")}</h2>
      {body}
    </section>
  );
}
