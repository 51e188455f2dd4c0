import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue, uniqueSuffix } from "../fixtures/users";

// 封存在 HTTP 层的证明：截止前，发榜部门、平台管理员、其他揭榜单位、其他部门与匿名用户都拿不到申报内容
// （页面与 Remix 数据请求都检查），部门只看到份数；截止后部门能看到内容，其他人仍然不能。
// Sealing over HTTP: before the deadline nobody outside the vendor's organisation gets the content
// (pages and Remix data requests), the department sees only the count; afterwards the department does.
type Who = "anonymous" | "member" | "owner" | "otherOfficer" | "admin" | "otherVendor" | "evaluator";
const cookies: Partial<Record<Who, string>> = {};
let ids: { scenarioId: string; code: string };
const SECRET = `SECRET-${uniqueSuffix()}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ db }) => {
  const department = await createOrganisation(db, "department");
  const owner = await createUser(db, "officer", { orgId: department.id });
  const vendorOrg = await createOrganisation(db, "vendor");
  const member = await createUser(db, "vendor", { orgId: vendorOrg.id });
  const users = {
    member, owner,
    otherOfficer: await createUser(db, "officer"),
    admin: await createUser(db, "admin"),
    otherVendor: await createUser(db, "vendor"),
    evaluator: await createUser(db, "evaluator"),
  };
  for (const [who, u] of Object.entries(users)) cookies[who as Who] = `jb_session=${sessionCookieValue(await createSessionToken(db, u.id))}`;
  const scenario = await createScenario(db, { departmentId: department.id, createdById: owner.id });
  ids = { scenarioId: scenario.id, code: scenario.code };
  const content = { technicalApproach: `机密技术方案 ${SECRET}`, team: `团队 ${SECRET}` };
  await db.proposal.create({
    data: {
      scenarioId: scenario.id, orgId: vendorOrg.id, status: "submitted", createdById: member.id, submittedAt: new Date(),
      technicalApproach: content.technicalApproach, team: content.team, budgetRequest: 1_500_000n,
      milestones: [{ name: "原型", dueDate: "2026-06-30", deliverable: "系统", evidence: "报告" }],
      submissions: { create: { number: 1, digest: "0".repeat(64), content, submittedById: member.id } },
    },
  });
});

function get(request: APIRequestContext, path: string, who: Who, baseURL: string) {
  const headers: Record<string, string> = { Origin: baseURL, ...(cookies[who] ? { Cookie: cookies[who]! } : {}) };
  return request.get(path, { headers, maxRedirects: 0 });
}

const deptPage = () => `/department/scenarios/${ids.scenarioId}/proposals`;
const vendorPage = () => `/vendor/proposals/${ids.code}`;
// 单次获取（single fetch）的数据请求：绕过页面直接要加载器数据。 Single-fetch data requests bypass the HTML.
const dataOf = (path: string) => `${path}.data`;

test("before the deadline: the content reaches only the vendor's own members", async ({ request, baseURL }) => {
  const expected: Record<Who, { dept: number | "login"; vendor: number | "login" }> = {
    anonymous: { dept: "login", vendor: "login" },
    member: { dept: 403, vendor: 200 },
    owner: { dept: 200, vendor: 403 },
    otherOfficer: { dept: 403, vendor: 403 },
    admin: { dept: 403, vendor: 403 },
    otherVendor: { dept: 403, vendor: 200 },
    evaluator: { dept: 403, vendor: 403 },
  };
  for (const [who, exp] of Object.entries(expected) as [Who, (typeof expected)[Who]][]) {
    for (const [path, want] of [[deptPage(), exp.dept], [vendorPage(), exp.vendor]] as const) {
      for (const url of [path, dataOf(path)]) {
        const res = await get(request, url, who, baseURL!);
        const body = await res.text();
        if (who !== "member") expect(body, `${who} ${url}`).not.toContain(SECRET);
        if (url.endsWith(".data")) {
          // 数据请求：未登录是 401（响应体里带着去登录页的跳转），其余与页面相同。 Data requests: 401 when signed out.
          expect(res.status(), `${who} ${url}`).toBe(want === "login" ? 401 : want);
        } else if (want === "login") {
          expect(res.status(), `${who} ${url}`).toBe(302);
          expect(res.headers().location).toContain("/login");
        } else {
          expect(res.status(), `${who} ${url}`).toBe(want);
        }
      }
    }
  }
  // 部门只看到份数与封存说明。 The department sees the count and the sealed notice.
  const owner = await (await get(request, deptPage(), "owner", baseURL!)).text();
  expect(owner).toContain("已收到 1 份申报");
  expect(owner).toContain("申报截止前内容密封");
  // 本单位成员看得到自己的内容。 The vendor's own member reads it.
  expect(await (await get(request, vendorPage(), "member", baseURL!)).text()).toContain(SECRET);
});

test("after the deadline: the owning department reads the content, nobody else does", async ({ request, baseURL, db }) => {
  await db.scenario.update({ where: { id: ids.scenarioId }, data: { deadline: new Date(Date.now() - 60_000), status: "closed", closedAt: new Date() } });
  await db.proposal.updateMany({ where: { scenarioId: ids.scenarioId, status: "submitted" }, data: { status: "under_review" } });
  const owner = await get(request, deptPage(), "owner", baseURL!);
  expect(owner.status()).toBe(200);
  expect(await owner.text()).toContain(`机密技术方案 ${SECRET}`);
  for (const who of ["admin", "otherOfficer", "otherVendor", "evaluator"] as const) {
    for (const url of [deptPage(), dataOf(deptPage())]) {
      const res = await get(request, url, who, baseURL!);
      expect(await res.text(), `${who} ${url}`).not.toContain(SECRET);
    }
    expect((await get(request, deptPage(), who, baseURL!)).status()).toBe(403);
  }
});
