/** Every vendor and institute of the demo catalogue (37: 28 companies, 9 institutes). */
import type { SeedVendor } from "./types";
import { COMPANIES_1 } from "./vendors-companies-1";
import { COMPANIES_2 } from "./vendors-companies-2";
import { INSTITUTES } from "./vendors-institutes";

export const VENDORS: SeedVendor[] = [...COMPANIES_1, ...COMPANIES_2, ...INSTITUTES];
