import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { handoffTextOf, plainTurboStreamText } from "../../app/server/plain-turbo-stream.mjs";

// app/server/patch-single-fetch.mjs (ADR 018): loader data of plain values is written without
// turbo-stream's encoder, and must come out exactly as turbo-stream writes it; anything else still
// goes through turbo-stream.
const require = createRequire(import.meta.url);
const runtimeDir = path.dirname(require.resolve("@remix-run/server-runtime/package.json"));
const fromRuntime = createRequire(path.join(runtimeDir, "package.json"));
const turboStream = fromRuntime("turbo-stream") as typeof import("turbo-stream");
// The installed files, as Remix's server loads them.
const singleFetch = fromRuntime(path.join(runtimeDir, "dist/single-fetch.js")) as {
  encodeViaTurboStream: (data: unknown, signal: AbortSignal, timeout: number | undefined, mode: string) => ReadableStream<Uint8Array>;
  SingleFetchRedirectSymbol: symbol;
};

const readText = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
const turboText = (value: unknown) => readText(turboStream.encode(value));
// Remix's browser side turns its "SanitizedError" back into an Error the same way.
const sanitizedError = (type: string, ...values: unknown[]) =>
  type === "SanitizedError" ? { value: Object.assign(new Error(String(values[1])), { name: String(values[0]) }) } : undefined;
const decode = async (text: string) => {
  const decoded = await turboStream.decode(new Response(text).body!, { plugins: [sanitizedError] });
  await decoded.done;
  return decoded.value;
};
const installed = (value: unknown) => singleFetch.encodeViaTurboStream(value, new AbortController().signal, undefined, "production");
const plain = (value: unknown) => plainTurboStreamText(value, singleFetch.SingleFetchRedirectSymbol);

// A small deterministic generator, so a failure names a seed that reproduces it.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const STRINGS = ["", "a", "防汛", "郑州市大数据管理局", 'quote " and \\ backslash', "</script><script>", "line\u2028separator", "emoji 🚀", "0", "1", "_1", "index", "null"];
const NUMBERS = [0, -0, 1, -1, 3.14, 1e21, 5e-324, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity];

function randomValue(next: () => number, depth: number, seen: object[]): unknown {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const kind = Math.floor(next() * (depth > 3 ? 6 : 10));
  switch (kind) {
    case 0: case 1: return pick(STRINGS);
    case 2: return pick(NUMBERS);
    case 3: return pick([true, false, null, undefined]);
    case 4: return new Date(Date.UTC(2026, Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
    case 5: return seen.length ? pick(seen) : "again";
    case 6: case 7: {
      const object: Record<string, unknown> = {};
      seen.push(object);
      const size = Math.floor(next() * 5);
      for (let i = 0; i < size; i++) object[pick(STRINGS)] = randomValue(next, depth + 1, seen);
      return object;
    }
    default: {
      const array: unknown[] = [];
      seen.push(array);
      const size = Math.floor(next() * 5);
      for (let i = 0; i < size; i++) array.push(randomValue(next, depth + 1, seen));
      if (next() < 0.1) array[size + 2] = "after a hole";
      return array;
    }
  }
}

describe("plain single-fetch data", () => {
  it("is installed in the server runtime", () => {
    for (const file of ["dist/single-fetch.js", "dist/data.js"]) {
      expect(fs.readFileSync(path.join(runtimeDir, file), "utf8"), file).toContain("jiebang: plain single-fetch data, v1");
    }
  });

  it("writes exactly what turbo-stream writes, for a page's loader data", async () => {
    const hit = { code: "BM-0080010", title: "大气污染物浓度预测与溯源大模型", department: "郑州市生态环境局", techTags: ["llm", "ocr"], budgetMin: 600000, budgetMax: null };
    const data = {
      loaderData: {
        root: { locale: "zh-CN", viewer: null, toast: undefined },
        "routes/scenarios._index": { state: { q: "", sector: [], page: 1 }, result: { hits: [hit, { ...hit, code: "BM-0080100" }], total: 80021 }, now: "2026-12-05T16:05:41.906Z" },
      },
      actionData: null,
      errors: null,
    };
    const text = plain(data);
    expect(text).toBe(await turboText(data));
    expect(await decode(text!)).toEqual(data);
  });

  it("writes exactly what turbo-stream writes, for 2,000 generated values", async () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const value = randomValue(random(seed), 0, []);
      expect(plain(value), `seed ${seed}`).toBe(await turboText(value));
    }
  });

  it("leaves to turbo-stream what is not plain data", () => {
    const redirect = { [singleFetch.SingleFetchRedirectSymbol]: { redirect: "/login", status: 302 } };
    class Point { x = 1; }
    const notPlain = [
      { later: Promise.resolve(1) }, { error: new Error("boom") }, { map: new Map([["a", 1]]) }, { set: new Set([1]) },
      { point: new Point() }, { bare: Object.create(null) }, { redirect }, { invalid: new Date(Number.NaN) }, { big: 1n },
      { fn: () => 1 }, { symbol: Symbol.for("x") }, { url: new URL("https://example.cn/") }, { pattern: /a/ },
    ];
    for (const value of notPlain) expect(plain(value), JSON.stringify(Object.keys(value))).toBeNull();
  });

  it("keeps the text on the installed encoder's stream, and the stream still reads as that text", async () => {
    const data = { loaderData: { root: { locale: "en", when: new Date("2026-12-05T08:00:00Z") } } };
    const stream = installed(data);
    const kept = handoffTextOf(stream);
    expect(kept).toBe(await turboText(data));
    expect(await readText(stream)).toBe(kept);
    expect(await decode(kept as string)).toEqual(data);
  });

  it("still streams deferred data and errors through turbo-stream", async () => {
    const stream = installed({ soon: Promise.resolve("later"), failed: new Error("hidden in production") });
    expect(handoffTextOf(stream)).toBeNull();
    const value = (await decode(await readText(stream))) as { soon: Promise<string>; failed: Error };
    expect(await value.soon).toBe("later");
    expect(value.failed).toBeInstanceOf(Error);
    expect(value.failed.message).toBe("Unexpected Server Error");
  });
});
