/**
 * 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation type (1), administrative division (6),
 * organisation code (9), check character (1). The alphabet leaves out I, O, S, V and Z so that
 * handwritten codes are not misread.
 */

export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * The check character for the first 17 characters of a code.
 * Throws when the input is not 17 characters of the code alphabet: a caller asking for a check
 * character of malformed input has a bug, and silently returning something would hide it.
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`expected 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`invalid character "${first17[i]}" at position ${i + 1}`);
    sum += value * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check]!;
}

/** True when `code` is 18 characters of the code alphabet with a correct check character. */
export function isValidCreditCode(code: string): boolean {
  if (!CODE_PATTERN.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Trims and upper-cases user input so that "91350100m000100y43 " validates. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}
