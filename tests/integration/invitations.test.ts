import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let invitations: typeof import("../../app/modules/accounts/invitations.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  invitations = await import("../../app/modules/accounts/invitations.server");
});
afterAll(() => cleanup?.());

it("an officer joins a department through an admin's invitation link, once", async () => {
  const admin = await createUser(db, "admin");
  const department = await createOrganisation(db, "department", "郑州市应急管理局（测试）");
  const email = `officer-${uniqueSuffix()}@zz.example.cn`;
  const { acceptUrl } = await invitations.createInvitation(admin, { email, name: "王立军", role: "officer", orgId: department.id }, "zh-CN");
  const mail = await db.mail.findFirstOrThrow({ where: { to: email, template: "invitation" } });
  expect(mail.text).toContain(acceptUrl);
  const token = acceptUrl.split("/invite/")[1]!;
  expect(await invitations.findOpenInvitation(token)).toMatchObject({ email, role: "officer" });

  const userId = await invitations.acceptInvitation(token, { name: "王立军", password: "Officer-pass-2026" });
  const membership = await db.membership.findFirstOrThrow({ where: { userId } });
  expect(membership).toMatchObject({ orgId: department.id, role: "officer" });
  expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).not.toBeNull();
  await expect(invitations.acceptInvitation(token, { name: "x", password: "Officer-pass-2026" })).rejects.toMatchObject({ status: 400 });
  expect(await invitations.findOpenInvitation(token)).toBeNull();
});

it("lists the organisations to invite into a page at a time, found by name or credit code", async () => {
  const tag = `寻找${uniqueSuffix()}`;
  const many = [];
  for (let i = 0; i < invitations.ORG_CHOICES + 5; i++) many.push(await createOrganisation(db, i % 2 ? "vendor" : "institute", `${tag} 科技 ${String(i).padStart(3, "0")}`));
  const lone = await createOrganisation(db, "department", `${tag} 单独的部门`);
  const credit = await db.organisation.findUniqueOrThrow({ where: { id: many[3]!.id }, select: { creditCode: true } });

  const all = await invitations.invitationAdminPage();
  expect(all.organisations.length).toBe(invitations.ORG_CHOICES);
  expect(all.orgMatches).toBeGreaterThan(invitations.ORG_CHOICES);

  const found = await invitations.invitationAdminPage(`  ${tag}  `);
  expect(found.orgQuery).toBe(tag);
  expect(found.orgMatches).toBe(invitations.ORG_CHOICES + 6);
  expect(found.organisations).toHaveLength(invitations.ORG_CHOICES);
  expect(found.organisations[0]!.id).toBe(lone.id); // departments first, then by name
  expect(found.organisations.every((o) => o.name.startsWith(tag))).toBe(true);

  const narrow = await invitations.invitationAdminPage(`${tag} 单独`);
  expect(narrow.organisations.map((o) => o.id)).toEqual([lone.id]);
  const byCode = await invitations.invitationAdminPage(credit.creditCode!.toLowerCase());
  expect(byCode.organisations.map((o) => o.id)).toEqual([many[3]!.id]);
  expect((await invitations.invitationAdminPage(`${tag} 不存在`)).orgMatches).toBe(0);
});

it("refuses a role that the organisation cannot hold", async () => {
  const admin = await createUser(db, "admin");
  const vendor = await createOrganisation(db, "vendor");
  await expect(
    invitations.createInvitation(admin, { email: `x-${uniqueSuffix()}@example.com`, name: "x", role: "officer", orgId: vendor.id }, "zh-CN"),
  ).rejects.toMatchObject({ label: "invite.roleOrgMismatch", status: 400 });
});

it("the audit log is append-only", async () => {
  const admin = await createUser(db, "admin");
  await db.auditEvent.create({ data: { actorId: admin.id, action: "test.event", entityType: "user", entityId: admin.id } });
  await expect(db.auditEvent.updateMany({ where: { actorId: admin.id }, data: { action: "tampered" } })).rejects.toThrow();
  await expect(db.auditEvent.deleteMany({ where: { actorId: admin.id } })).rejects.toThrow();
});
