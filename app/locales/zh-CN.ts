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
import { evaluationScore } from "./zh-CN/evaluation-score";
import { evaluationAssign } from "./zh-CN/evaluation-assign";
import { rowEditor } from "./zh-CN/row-editor";
import { evaluationPool } from "./zh-CN/evaluation-pool";
import { digests } from "./zh-CN/digests";
import { mailAdmin } from "./zh-CN/mail-admin";
import { awards } from "./zh-CN/awards";
import { delivery } from "./zh-CN/delivery";
import { adminConsole } from "./zh-CN/admin-console";
import { stats } from "./zh-CN/stats";
import { home } from "./zh-CN/home";
import { opendata } from "./zh-CN/opendata";
import { results } from "./zh-CN/results";
import { verification } from "./zh-CN/verification";


export const zhCN = { ...common, ...accounts, ...scenarios, ...search, ...searchUi, ...matching, ...profile, ...attachments, ...questions, ...proposals, ...rowEditor, ...evaluationAssign, ...evaluationPool, ...evaluationScore, ...digests, ...mailAdmin, ...awards, ...delivery, ...adminConsole, ...stats, ...home, ...opendata, ...results, ...verification };
export type Messages = Record<keyof typeof zhCN, string>;
