import { common } from "./zh-CN/common";
import { accounts } from "./zh-CN/accounts";
import { scenarios } from "./zh-CN/scenarios";
import { search } from "./zh-CN/search";
import { searchUi } from "./zh-CN/search-ui";
import { matching } from "./zh-CN/matching";
import { profile } from "./zh-CN/profile";
import { attachments } from "./zh-CN/attachments";
import { questions } from "./zh-CN/questions";
import { proposals } from "./zh-CN/proposals";
import { rowEditor } from "./zh-CN/row-editor";
import { digests } from "./zh-CN/digests";
import { mailAdmin } from "./zh-CN/mail-admin";

export const zhCN = { ...common, ...accounts, ...scenarios, ...search, ...searchUi, ...matching, ...profile, ...attachments, ...questions, ...proposals, ...rowEditor, ...digests, ...mailAdmin };
export type Messages = Record<keyof typeof zhCN, string>;
