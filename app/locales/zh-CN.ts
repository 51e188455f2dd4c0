import { common } from "./zh-CN/common";
import { accounts } from "./zh-CN/accounts";
import { scenarios } from "./zh-CN/scenarios";

export const zhCN = { ...common, ...accounts, ...scenarios };
export type Messages = Record<keyof typeof zhCN, string>;
