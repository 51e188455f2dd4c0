/**
 * Every scenario of the demo catalogue, grouped by sector in the files imported below.
 */
import { AGRI_ECOLOGY_SCENARIOS } from "./scenarios-agri-ecology";
import { CULTURE_EDUCATION_SCENARIOS } from "./scenarios-culture-education";
import { DISASTER_SPATIAL_SCENARIOS } from "./scenarios-disaster-spatial";
import { GOVERNANCE_SCENARIOS } from "./scenarios-governance";
import { HEALTH_RESEARCH_SCENARIOS } from "./scenarios-health-research";
import { HR_FINANCE_CONSUMPTION_SCENARIOS } from "./scenarios-hr-finance-consumption";
import { INDUSTRY_ENERGY_SCENARIOS } from "./scenarios-industry-energy";
import { TRANSPORT_LOGISTICS_SCENARIOS } from "./scenarios-transport-logistics";
import type { SeedScenario } from "./types";

export const SCENARIOS: SeedScenario[] = [
  ...DISASTER_SPATIAL_SCENARIOS,
  ...HEALTH_RESEARCH_SCENARIOS,
  ...INDUSTRY_ENERGY_SCENARIOS,
  ...AGRI_ECOLOGY_SCENARIOS,
  ...GOVERNANCE_SCENARIOS,
  ...TRANSPORT_LOGISTICS_SCENARIOS,
  ...CULTURE_EDUCATION_SCENARIOS,
  ...HR_FINANCE_CONSUMPTION_SCENARIOS,
];

/**
 * The scenario as it stands now: version 1 with every amendment applied in order.
 * The seed stores these values on the Scenario row and the earlier ones in ScenarioVersion.
 */
export function currentScenarioValues(scenario: SeedScenario): SeedScenario {
  let current: SeedScenario = { ...scenario };
  for (const amendment of scenario.amendments ?? []) current = { ...current, ...amendment.changes };
  return current;
}
