/**
 * Text overlap between an expert's written expertise and a scenario, for the evaluator suggestions.
 * Deliberately small and self-contained: character bigrams of Chinese runs plus whole Latin words,
 * with filler words removed, and the expertise split into the phrases the expert wrote. A phrase
 * "matches" when at least half of its bigrams occur in the scenario's title, summary and KPIs, so
 * "水文预报" matches a scenario about "水库水文预报" and the explanation can quote the phrase itself.
 */

// Words in nearly every scenario and CV ("智能", "系统", "技术"…): they would match everybody.
const FILLER = /人工智能|智能(?!体)|系统|平台|技术|应用|研究|研发|开发|建设|服务|管理|方案|项目|相关|领域|行业|提升|实现|基于|面向|以及|专家|教授|经验|\bai\b/gi;

/** Splits running text into phrases at punctuation, list marks and joining words. */
const SEPARATORS = /[\s,，。、；;：:.!?！？（）()《》【】"'“”‘’\-—·/|]+|与|和|及|等|的/g;

export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const cleaned = text.toLowerCase().replace(FILLER, " ");
  for (const run of cleaned.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) continue;
    for (let i = 0; i + 1 < run.length; i += 1) out.add(run.slice(i, i + 2));
  }
  for (const word of cleaned.match(/[a-z][a-z0-9+#]+/g) ?? []) out.add(word);
  return out;
}

/** The phrases of an expertise text worth matching (two characters or more after filler is removed). */
export function expertisePhrases(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    const phrase = raw.trim();
    if (phrase.length < 2 || bigrams(phrase).size === 0) continue;
    const key = phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}

/** A phrase matches when at least half of its bigrams are in the scenario's text. */
export const PHRASE_MATCH_SHARE = 0.5;

export function matchedPhrases(expertise: string, scenarioText: string): string[] {
  const haystack = bigrams(scenarioText);
  return expertisePhrases(expertise).filter((phrase) => {
    const grams = bigrams(phrase);
    let found = 0;
    for (const g of grams) if (haystack.has(g)) found += 1;
    return grams.size > 0 && found / grams.size >= PHRASE_MATCH_SHARE;
  });
}
