/**
 * The two sides of a match as bags of words: what a listing asks for (need) and what a profile says
 * it can do (capability). Field weights say which text speaks for the organisation: products and
 * delivered cases are what it has shown it can do; its intro is what it says about itself.
 */
import { markdownToText } from "../markdown-text";
import { bagOf, languagesOf } from "./bags";
import type { CapabilitySide, NeedSide } from "./explain";
import { analyse } from "./segment.server";
import type { PastCaseFacts } from "./types";

export const NEED_FIELD_WEIGHTS = { title: 1, summary: 0.8, description: 0.5, kpis: 0.4 } as const;
export const CAPABILITY_FIELD_WEIGHTS = { products: 1, caseTitle: 1, caseSummary: 0.8, intro: 0.5, certifications: 0.5 } as const;

export type NeedText = {
  title: string; titleEn?: string | null; summary: string; summaryEn?: string | null;
  description?: string | null; kpis?: readonly string[];
};

export type CapabilityText = {
  intro: string; introEn?: string | null; products: readonly string[]; certifications?: readonly string[];
  pastCases: readonly PastCaseFacts[];
};

export function needOf(s: NeedText): NeedSide {
  const w = NEED_FIELD_WEIGHTS;
  const bag = bagOf([
    { terms: analyse(s.title), weight: w.title },
    { terms: analyse(s.titleEn ?? ""), weight: w.title },
    { terms: analyse(s.summary), weight: w.summary },
    { terms: analyse(s.summaryEn ?? ""), weight: w.summary },
    { terms: analyse(markdownToText(s.description ?? "")), weight: w.description },
    { terms: analyse((s.kpis ?? []).join("；")), weight: w.kpis },
  ]);
  return { bag, langs: languagesOf(bag) };
}

export function capabilityOf(v: CapabilityText): CapabilitySide {
  const w = CAPABILITY_FIELD_WEIGHTS;
  const products = v.products.map((name) => ({ name, bag: bagOf([{ terms: analyse(name), weight: w.products }]) }));
  const cases = v.pastCases.map((facts) => {
    const bag = bagOf([{ terms: analyse(facts.title), weight: w.caseTitle }, { terms: analyse(facts.summary), weight: w.caseSummary }]);
    return { facts, bag, langs: languagesOf(bag) };
  });
  const bag = bagOf([
    ...products.map((p) => ({ terms: analyse(p.name), weight: w.products })),
    ...v.pastCases.flatMap((c) => [{ terms: analyse(c.title), weight: w.caseTitle }, { terms: analyse(c.summary), weight: w.caseSummary }]),
    { terms: analyse(v.intro), weight: w.intro },
    { terms: analyse(v.introEn ?? ""), weight: w.intro },
    { terms: analyse((v.certifications ?? []).join("；")), weight: w.certifications },
  ]);
  return { bag, langs: languagesOf(bag), products, cases };
}
