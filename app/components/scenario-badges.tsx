import { MECHANISMS, SCENARIO_STATUSES, label } from "~/modules/scenarios/catalog";
import { useLocale, useT } from "~/utils/i18n";

export function ScenarioStatusBadge({ status }: { status: string }) {
  const locale = useLocale();
  return <span className={`badge badge-${status}`}>{label(SCENARIO_STATUSES, status, locale)}</span>;
}

/** The mechanism, with the team count for a horse race (赛马 · 3 支队伍). */
export function MechanismBadge({ mechanism, raceTeams }: { mechanism: string; raceTeams?: number | null }) {
  const locale = useLocale();
  const t = useT();
  const text = label(MECHANISMS, mechanism, locale);
  return (
    <span className={`badge badge-mechanism badge-${mechanism}`}>
      {mechanism === "horse_race" && raceTeams ? `${text} · ${t("sc.raceTeamsValue", { n: raceTeams })}` : text}
    </span>
  );
}
