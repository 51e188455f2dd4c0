import { describe, expect, it } from "vitest";
import { detectConflicts, type Affiliation, type OrgLink } from "../../app/modules/evaluation/conflicts";

const year = 2026;
const aff = (orgId: string, fromYear: number | null, toYear: number | null): Affiliation => ({ orgId, orgName: orgId, fromYear, toYear });
const parties = { leadOrgId: "vendor", memberOrgIds: ["partner"] };

describe("conflict detection", () => {
  it("finds the evaluator's current organisation as the proposer", () => {
    expect(detectConflicts([aff("vendor", 2020, null)], parties, [], year)).toEqual([{ kind: "own_org", orgId: "vendor", orgName: "vendor" }]);
  });

  it("finds a consortium member", () => {
    expect(detectConflicts([aff("partner", 2024, null)], parties, [], year)).toMatchObject([{ kind: "consortium_member", orgId: "partner" }]);
  });

  it("counts a past organisation left within three years, not one left earlier", () => {
    expect(detectConflicts([aff("vendor", 2015, 2023)], parties, [], year)).toHaveLength(1);
    expect(detectConflicts([aff("vendor", 2010, 2022)], parties, [], year)).toHaveLength(0);
  });

  it("follows links between organisations in either direction", () => {
    const links: OrgLink[] = [{ fromOrgId: "group", toOrgId: "vendor", kind: "parent" }];
    expect(detectConflicts([aff("group", 2019, null)], parties, links, year)).toMatchObject([{ kind: "linked_org", viaOrgId: "vendor", link: "parent" }]);
    const reverse: OrgLink[] = [{ fromOrgId: "partner", toOrgId: "sister", kind: "same_group" }];
    expect(detectConflicts([aff("sister", 2025, null)], parties, reverse, year)).toMatchObject([{ kind: "linked_org", viaOrgId: "partner" }]);
  });

  it("finds nothing for unrelated organisations", () => {
    const links: OrgLink[] = [{ fromOrgId: "other", toOrgId: "third", kind: "shareholder" }];
    expect(detectConflicts([aff("university", 2000, null), aff("other", 2018, null)], parties, links, year)).toEqual([]);
  });
});
