/**
 * The registered symbol under which the installed server runtime's stream carries the text of
 * plainTurboStreamText below (patch-single-fetch.mjs), so the document render takes it without
 * reading the stream back.
 */
export const HANDOFF_TEXT = Symbol.for("jiebang.handoffText");

/** The text a stream carries under HANDOFF_TEXT, or null for any other stream. */
export function handoffTextOf(stream) {
  const text = stream[HANDOFF_TEXT];
  return typeof text === "string" ? text : null;
}

/**
 * turbo-stream's text for loader data made only of plain objects, arrays, strings, numbers,
 * booleans, null, undefined and dates (arrays with holes included) — what the pages' loaders return
 * — or null for anything else (a promise, an error, a Map, a class instance, a redirect, an invalid
 * date), which turbo-stream itself then encodes.
 *
 * The text is the one turbo-stream 2.4.1 writes, character for character (the tests compare them):
 * one array in which every value has its index, objects as `{"_<key's index>":<value's index>}`,
 * values met again (the same string, the same object) by their first index, and the special
 * numbers as turbo-stream's negative codes. Turbo-stream builds that array one JSON.stringify per
 * value and one template string per object, behind a stream, a TextEncoder and a 5-second timer per
 * request; here the array is built as values and stringified once (ADR 018).
 *
 * `redirectSymbol` is Remix's SingleFetchRedirectSymbol: an object carrying it is a redirect.
 * This function's source is copied into @remix-run/server-runtime by patch-single-fetch.mjs, so it
 * must stay self-contained.
 */
export function plainTurboStreamText(input, redirectSymbol) {
  const NOT_PLAIN = Symbol("not plain");
  const indices = new Map();
  const values = [];
  const flatten = (value) => {
    const existing = indices.get(value);
    // Index 0 is falsy on purpose: turbo-stream treats it the same way.
    if (existing) return existing;
    if (value === undefined) return -7;
    if (value === null) return -5;
    const type = typeof value;
    if (type === "number") {
      if (value !== value) return -2;
      if (value === Infinity) return -6;
      if (value === -Infinity) return -3;
      if (value === 0 && 1 / value < 0) return -4;
    } else if (type !== "string" && type !== "boolean" && type !== "object") {
      throw NOT_PLAIN;
    }
    const index = values.length;
    indices.set(value, index);
    if (type !== "object") {
      values.push(value);
      return index;
    }
    if (Array.isArray(value)) {
      const items = new Array(value.length);
      values.push(items);
      for (let i = 0; i < value.length; i++) items[i] = i in value ? flatten(value[i]) : -1;
      return index;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Date.prototype) {
      const time = value.getTime();
      if (time !== time) throw NOT_PLAIN;
      values.push(["D", time]);
      return index;
    }
    if (prototype !== Object.prototype || redirectSymbol in value) throw NOT_PLAIN;
    const fields = {};
    values.push(fields);
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = flatten(keys[i]);
      fields[`_${key}`] = flatten(value[keys[i]]);
    }
    return index;
  };
  let root;
  try {
    root = flatten(input);
  } catch (error) {
    if (error === NOT_PLAIN) return null;
    throw error;
  }
  return root < 0 ? `${root}\n` : `${JSON.stringify(values)}\n`;
}
