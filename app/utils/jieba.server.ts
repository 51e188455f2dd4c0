import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";

/**
 * The Chinese segmenter's native module and its dictionaries (search/matching/segment.server.ts uses
 * them). It lives under app/ because the Remix compiler replaces app/**\/*.server modules with empty
 * ones in the browser build; search/ modules are bundled for the browser as they are, and a native
 * module cannot be.
 */
// CommonJS data module without an ESM "exports" map: createRequire resolves it under Node, tsx and Vite alike.
const dictionaries = () => createRequire(import.meta.url)("@node-rs/jieba/dict") as { dict: Uint8Array; idf: Uint8Array };

/** jieba with its own dictionary plus `userWords` ("word frequency tag" lines). */
export function createJieba(userWords: string): Jieba {
  const jieba = Jieba.withDict(dictionaries().dict);
  jieba.loadDict(Buffer.from(userWords));
  return jieba;
}

/** jieba's inverse document frequencies, "word idf" per line. */
export function jiebaIdf(): string {
  return Buffer.from(dictionaries().idf).toString("utf8");
}
