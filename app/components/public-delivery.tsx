import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { DeliveryPlan, GateList } from "./delivery-plan";

type Props = {
  code: string;
  status: string;
  delivery: { teams: Parameters<typeof DeliveryPlan>[0]["teams"]; gates: Parameters<typeof GateList>[0]["gates"] };
};

/** The scenario page's public delivery summary: milestones (names, dates, statuses) and gate decisions. */
export function PublicDelivery({ code, status, delivery }: Props) {
  const t = useT();
  const hasPlan = delivery.teams.some((team) => team.milestones.length > 0);
  if (!hasPlan && delivery.gates.length === 0) return null;
  return (
    <section id="delivery" className="card" aria-labelledby="delivery-public-title">
      <h2 id="delivery-public-title">{t("dl.public.title")}</h2>
      {status === "completed" ? <p><Link to={`/cases/${code}`}>{t("dl.viewCase")}</Link></p> : null}
      {hasPlan ? <DeliveryPlan teams={delivery.teams} /> : null}
      {delivery.gates.length ? (
        <section id="gates" aria-labelledby="gates-public-title">
          <h3 id="gates-public-title">{t("dl.gates")}</h3>
          <GateList gates={delivery.gates} />
        </section>
      ) : null}
    </section>
  );
}
