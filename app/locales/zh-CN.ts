import { common } from "./zh-CN/common";
import { accounts } from "./zh-CN/accounts";
import { scenarios } from "./zh-CN/scenarios";
import { search } from "./zh-CN/search";
import { searchUi } from "./zh-CN/search-ui";
import { matching } from "./zh-CN/matching";

export const zhCN = { ...common, ...accounts, ...scenarios, ...search, ...searchUi, ...matching };
export type Messages = Record<keyof typeof zhCN, string>;
