import type { Messages } from "./zh-CN";
import { common } from "./en/common";
import { accounts } from "./en/accounts";
import { scenarios } from "./en/scenarios";
import { search } from "./en/search";
import { searchUi } from "./en/search-ui";
import { matching } from "./en/matching";
import { profile } from "./en/profile";
import { attachments } from "./en/attachments";
import { questions } from "./en/questions";
import { proposals } from "./en/proposals";
import { evaluationScore } from "./en/evaluation-score";
import { evaluationAssign } from "./en/evaluation-assign";
import { rowEditor } from "./en/row-editor";
import { evaluationPool } from "./en/evaluation-pool";
import { digests } from "./en/digests";
import { mailAdmin } from "./en/mail-admin";
import { awards } from "./en/awards";
import { delivery } from "./en/delivery";
import { adminConsole } from "./en/admin-console";
import { stats } from "./en/stats";
import { home } from "./en/home";
import { opendata } from "./en/opendata";
import { results } from "./en/results";
import { verification } from "./en/verification";

// Typed against the Chinese catalogue so a missing English string fails the typecheck.

export const en: Messages = { ...common, ...accounts, ...scenarios, ...search, ...searchUi, ...matching, ...profile, ...attachments, ...questions, ...proposals, ...rowEditor, ...evaluationAssign, ...evaluationPool, ...evaluationScore, ...digests, ...mailAdmin, ...awards, ...delivery, ...adminConsole, ...stats, ...home, ...opendata, ...results, ...verification };
