import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createOrganisation, createUser, testCreditCode, uniqueSuffix } from "../fixtures/users";

// A unified social credit code is public: knowing one must never make anybody a member.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let signup: typeof import("../../app/modules/accounts/signup.server");
let invitations: typeof import("../../app/modules/accounts/invitations.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  signup = await import("../../app/modules/accounts/signup.server");
  invitations = await import("../../app/modules/accounts/invitations.server");
});
afterAll(() => cleanup?.());

function signupInput(creditCode: string, email = `s-${uniqueSuffix()}@stranger.example.com`) {
  const password = "Correct-horse-42";
  return { orgType: "vendor" as const, orgName: "冒名科技有限公司", creditCode, name: "陌生人", email, password, confirmPassword: password };
}

describe("sign-up with a registered credit code", () => {
  it("is refused with the invitation message and creates no user, organisation or membership", async () => {
    const victim = await db.organisation.create({ data: { name: `中原智算 ${uniqueSuffix()}`, type: "vendor", creditCode: testCreditCode("91"), verified: false }, select: { id: true, creditCode: true } });
    const input = signupInput(victim.creditCode!);
    await expect(signup.signUpVendor(input, "zh-CN")).rejects.toMatchObject({ label: "auth.signup.orgRegistered", status: 409 });
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    expect(await db.membership.count({ where: { orgId: victim.id } })).toBe(0);
    expect(await db.organisation.count({ where: { name: "冒名科技有限公司" } })).toBe(0);
    expect(await db.mail.count({ where: { to: input.email } })).toBe(0);
  });

  it("answers the same whether or not the address is registered, so it reveals no account", async () => {
    const victim = await createOrganisation(db, "vendor");
    const code = (await db.organisation.findUniqueOrThrow({ where: { id: victim.id }, select: { creditCode: true } })).creditCode!;
    const member = await createUser(db, "vendor", { orgId: victim.id });
    await expect(signup.signUpVendor(signupInput(code, member.email), "zh-CN")).rejects.toMatchObject({ label: "auth.signup.orgRegistered" });
    await expect(signup.signUpVendor(signupInput(code), "zh-CN")).rejects.toMatchObject({ label: "auth.signup.orgRegistered" });
    expect(await db.membership.count({ where: { orgId: victim.id } })).toBe(1);
  });

  it("a lower-case or padded code is the same code", async () => {
    const victim = await createOrganisation(db, "vendor");
    const code = (await db.organisation.findUniqueOrThrow({ where: { id: victim.id }, select: { creditCode: true } })).creditCode!;
    const { SignupSchema } = await import("../../app/modules/accounts/schemas");
    const parsed = SignupSchema.parse(signupInput(` ${code.toLowerCase()} `));
    await expect(signup.signUpVendor(parsed, "en")).rejects.toMatchObject({ status: 409 });
  });
});

describe("joining an existing organisation by invitation", () => {
  it("a member invites a colleague, who becomes a member on accepting", async () => {
    const org = await createOrganisation(db, "vendor");
    const member = await createUser(db, "vendor", { orgId: org.id });
    const inviter = { ...member, memberships: [{ orgId: org.id, role: "vendor_member" as const }] };
    const email = `colleague-${uniqueSuffix()}@vendor.example.com`;
    const { acceptUrl } = await invitations.inviteColleague(inviter, org.id, { email, name: "李同事" }, "zh-CN");
    const userId = await invitations.acceptInvitation(acceptUrl.split("/invite/")[1]!, { name: "李同事", password: "Colleague-pass-1" });
    expect(await db.membership.findFirst({ where: { userId, orgId: org.id, role: "vendor_member" } })).not.toBeNull();
    await expect(invitations.inviteColleague(inviter, org.id, { email, name: "李同事" }, "zh-CN")).rejects.toMatchObject({ label: "members.alreadyMember", status: 409 });
  });

  it("nobody outside the organisation can invite into it", async () => {
    const org = await createOrganisation(db, "vendor");
    const outsider = await createUser(db, "vendor");
    const officer = await createUser(db, "officer");
    const email = `x-${uniqueSuffix()}@example.com`;
    for (const user of [
      { ...outsider, memberships: [{ orgId: outsider.orgId, role: "vendor_member" as const }] },
      { ...officer, memberships: [{ orgId: officer.orgId, role: "officer" as const }] },
      // An evaluator of the organisation is not one of its members.
      { ...outsider, memberships: [{ orgId: org.id, role: "evaluator" as const }] },
    ]) {
      await expect(invitations.inviteColleague(user, org.id, { email, name: "x" }, "zh-CN")).rejects.toMatchObject({ status: 404 });
    }
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });

  it("an officer invites a colleague into their own department", async () => {
    const department = await createOrganisation(db, "department");
    const officer = await createUser(db, "officer", { orgId: department.id });
    const email = `officer2-${uniqueSuffix()}@zz.example.cn`;
    await invitations.inviteColleague({ ...officer, memberships: [{ orgId: department.id, role: "officer" }] }, department.id, { email, name: "赵科员" }, "zh-CN");
    expect(await db.invitation.findFirst({ where: { email, orgId: department.id, role: "officer" } })).not.toBeNull();
  });
});
