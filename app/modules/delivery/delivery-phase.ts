import type { ScenarioStatus } from "~/generated/prisma/enums";

// Where a scenario is in 挂帅, named once so queries and pages never copy status lists.
/** Gates may be declared, reported and decided once the race is awarded and until it completes. */
export const GATE_STATUSES: ScenarioStatus[] = ["awarded", "in_delivery"];
/** Milestones are submitted and decided only while delivering. */
export const DELIVERING: ScenarioStatus = "in_delivery";
/** A delivery plan exists (and the public sees its summary) from in_delivery on. */
export const HAS_DELIVERY: ScenarioStatus[] = ["in_delivery", "completed"];

export const isDelivering = (status: ScenarioStatus) => status === DELIVERING;
export const hasDelivery = (status: ScenarioStatus) => HAS_DELIVERY.includes(status);
export const acceptsGates = (status: ScenarioStatus) => GATE_STATUSES.includes(status);
