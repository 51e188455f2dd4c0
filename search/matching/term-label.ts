import type { MatchedTerm } from "./types";

/** A shared word in the reader's language where the glossary or the texts name it, else as written. */
export function termLabel(term: MatchedTerm, locale: string): string {
  return (locale === "en" ? (term.en ?? term.zh) : (term.zh ?? term.en)) ?? "";
}
