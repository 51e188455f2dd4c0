import type { Messages } from "./zh-CN";
import { common } from "./en/common";
import { accounts } from "./en/accounts";
import { scenarios } from "./en/scenarios";

// Typed against the Chinese catalogue so a missing English string fails the typecheck.
export const en: Messages = { ...common, ...accounts, ...scenarios };
