import { describe, expect, it } from "vitest";
import { formatScenarioCode } from "../../app/modules/scenarios/scenario-code.server";

describe("scenario codes", () => {
  it("pads the yearly sequence to four digits and keeps growing past 9999", () => {
    expect(formatScenarioCode(2026, 42)).toBe("ZZ-2026-0042");
    expect(formatScenarioCode(2026, 1)).toBe("ZZ-2026-0001");
    expect(formatScenarioCode(2026, 12345)).toBe("ZZ-2026-12345");
  });
});
