import type { PrismaClient } from "../../app/generated/prisma/client";
import { addEvaluator, addProposal, createEvaluationScenario, declare } from "../fixtures/evaluation";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue, uniqueSuffix } from "../fixtures/users";

// The pages of the public, vendor and evaluator journeys, with the data and sessions each needs;
// shared by the phone-layout and accessibility specs. Each call makes its own rows.
export type JourneyPage = { name: string; path: string; session?: string; ready: string };

export async function journeyPages(db: PrismaClient): Promise<JourneyPage[]> {
  const department = await createOrganisation(db, "department", `郑州市测试局 ${uniqueSuffix()}`);
  const officer = await createUser(db, "officer", { orgId: department.id });
  const open = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: `河湖巡查智能识别 ${uniqueSuffix()}` });
  const vendor = await createUser(db, "vendor");
  const ev = await createEvaluationScenario(db);
  const proposal = await addProposal(db, ev.scenario.id, { technicalApproach: `## 技术路线\n\n${"基于多源遥感与视频的河湖四乱识别，结合知识图谱研判。".repeat(30)}` });
  const expert = await addEvaluator(db, ev.scenario.id, ev.officer.id);
  await declare(db, expert.assignmentId, proposal.id);
  const cookie = async (userId: string) => sessionCookieValue(await createSessionToken(db, userId));
  return [
    { name: "home", path: "/", ready: "main h1" },
    { name: "search", path: "/scenarios", ready: ".scenario-list" },
    { name: "scenario", path: `/scenarios/${open.code}`, ready: "main h1" },
    { name: "login", path: "/login", ready: "main h1" },
    { name: "signup", path: "/signup", ready: "main h1" },
    { name: "proposal-form", path: `/vendor/proposals/${open.code}`, session: await cookie(vendor.id), ready: "form.proposal-form" },
    { name: "score-form", path: `/evaluator/assignments/${expert.assignmentId}/proposals/${proposal.id}`, session: await cookie(expert.user.id), ready: ".score-pane form" },
  ];
}
