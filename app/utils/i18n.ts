import { createContext, useContext } from "react";
import { zhCN, type Messages } from "~/locales/zh-CN";
import { en } from "~/locales/en";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export type MessageKey = keyof Messages;

const CATALOGUES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const messages = CATALOGUES[locale];
  return (key, vars) => {
    const template = messages[key] ?? zhCN[key] ?? key;
    return vars ? fill(template, vars) : template;
  };
}

// Each template split once into text and {name} parts: a search page fills about sixty
// (a count's label per facet value), and a regular expression per call was a visible share of its CPU.
// Templates come from the catalogues, so the map stays near one entry per message; it is capped anyway.
const splitTemplates = new Map<string, string[]>();

function fill(template: string, vars: Record<string, string | number>): string {
  let parts = splitTemplates.get(template);
  if (!parts) {
    if (splitTemplates.size >= 5_000) splitTemplates.clear();
    splitTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += String(vars[parts[i]!] ?? `{${parts[i]}}`) + parts[i + 1]!;
  return out;
}

/** True for a key of the message catalogue (so a URL parameter can name one, never inject text). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, value);
}

// Accept both a message key and a raw string; validation errors carry keys from the server.
export function translateMaybe(t: Translate, value: string): string {
  return value in zhCN ? t(value as MessageKey) : value;
}

export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  return translator(useLocale());
}

/** Whether a key built at run time (an audit action's label, a field's) has a message. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}
