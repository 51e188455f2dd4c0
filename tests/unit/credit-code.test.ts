import { describe, it, expect } from "vitest";
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  isValidCreditCode,
  normaliseCreditCode,
} from "../../app/modules/organisations/credit-code";
import { DEPARTMENTS } from "../../prisma/seed-data/departments";
import { VENDORS } from "../../prisma/seed-data/vendors";

// The sample code printed in GB 32100-2015 and quoted by most validators.
const KNOWN_VALID = "91350100M000100Y43";
// Check digits computed independently (Python one-off) for codes in the published real format.
const MORE_VALID = ["914403001922038216", "9144030071526726XG", "91330100799655058B"];

describe("creditCodeCheckChar", () => {
  it("computes the check character of the standard's sample code", () => {
    expect(creditCodeCheckChar(KNOWN_VALID.slice(0, 17))).toBe("3");
  });

  it("maps a remainder of 31 to 0", () => {
    // Weighted sum of seventeen zeros is 0, so 31 - 0 = 31, which wraps to "0".
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  it("rejects input that is not 17 characters of the alphabet", () => {
    expect(() => creditCodeCheckChar("9135010")).toThrow(RangeError);
    expect(() => creditCodeCheckChar("91350100M000100YI")).toThrow(RangeError);
  });

  it("only ever returns characters of the alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const first17 = Array.from({ length: 17 }, (_, j) => CREDIT_CODE_CHARSET[(i * 7 + j * 13) % 31]).join("");
      expect(CREDIT_CODE_CHARSET).toContain(creditCodeCheckChar(first17));
    }
  });
});

describe("isValidCreditCode", () => {
  it("accepts valid codes", () => {
    expect(isValidCreditCode(KNOWN_VALID)).toBe(true);
    for (const code of MORE_VALID) expect(isValidCreditCode(code)).toBe(true);
  });

  it("rejects a wrong check digit", () => {
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
    expect(isValidCreditCode("91350100M000100Y4A")).toBe(false);
  });

  it("rejects a wrong length", () => {
    expect(isValidCreditCode("")).toBe(false);
    expect(isValidCreditCode(KNOWN_VALID.slice(0, 17))).toBe(false);
    expect(isValidCreditCode(`${KNOWN_VALID}0`)).toBe(false);
  });

  it("rejects the letters I, O, Z, S and V anywhere", () => {
    for (const letter of ["I", "O", "Z", "S", "V"]) {
      const first17 = `91350100M000100${letter}4`;
      expect(isValidCreditCode(`${first17}3`)).toBe(false);
      // Even with every possible last character, a forbidden letter makes the code invalid.
      for (const last of CREDIT_CODE_CHARSET) expect(isValidCreditCode(`${first17}${last}`)).toBe(false);
    }
  });

  it("rejects lower case unless normalised", () => {
    expect(isValidCreditCode("91350100m000100y43")).toBe(false);
    expect(isValidCreditCode(normaliseCreditCode(" 91350100m000100y43 "))).toBe(true);
  });
});

describe("seed organisations", () => {
  const organisations = [...DEPARTMENTS, ...VENDORS];

  it("have valid and unique credit codes", () => {
    for (const org of organisations) {
      expect(isValidCreditCode(org.creditCode), `${org.key}: ${org.creditCode}`).toBe(true);
    }
    expect(new Set(organisations.map((o) => o.creditCode)).size).toBe(organisations.length);
  });

  it("use the registration type of their kind (11 机关, 91 企业, 12 事业单位)", () => {
    for (const d of DEPARTMENTS) expect(d.creditCode.slice(0, 2), d.key).toBe("11");
    for (const v of VENDORS) expect(v.creditCode.slice(0, 2), v.key).toBe(v.type === "vendor" ? "91" : "12");
  });

  it("are registered in Henan (division code 41…)", () => {
    for (const org of organisations) expect(org.creditCode.slice(2, 4), org.key).toBe("41");
  });
});
