import { SCENARIO_STATUSES, label } from "~/modules/scenarios/catalog";
import { SCENARIO_STATUS_ORDER } from "~/modules/scenarios/scenario-status";
import { formatDate } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

// Where a scenario stands in its lifecycle (SPEC §4), readable at a glance: the steps it has passed,
// the current one, the ones to come. The steps are the state machine's own order, draft and cancelled
// aside (a draft is not public; a cancelled call shows its notice instead).
const STEPS = SCENARIO_STATUS_ORDER.filter((s) => s !== "draft" && s !== "cancelled");

export function ScenarioTimeline({ status, publishedAt, deadline }: { status: string; publishedAt: string | null; deadline: string }) {
  const t = useT();
  const locale = useLocale();
  const current = STEPS.indexOf(status as (typeof STEPS)[number]);
  if (current < 0) return null;
  const dates: Partial<Record<(typeof STEPS)[number], string | null>> = { published: publishedAt, closed: deadline };
  return (
    <ol className="timeline" aria-label={t("sc.d.timeline")}>
      {STEPS.map((step, i) => {
        const state = i < current ? "done" : i === current ? "current" : "todo";
        const date = dates[step];
        return (
          <li key={step} className={`timeline-step timeline-${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-label">{label(SCENARIO_STATUSES, step, locale)}</span>
            {date && state !== "todo" ? <time className="timeline-date" dateTime={date}>{formatDate(date, locale)}</time> : null}
            {state === "done" ? <span className="visually-hidden">{t("sc.d.timelineDone")}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
