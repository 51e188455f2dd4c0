import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, digestOf, proposalContent } from "../../app/modules/proposals/receipt";

describe("proposal receipt digest", () => {
  it("sorts keys at every depth, so key order does not change the digest", () => {
    const a = { b: 1, a: { y: [1, { d: 2, c: 3 }], x: "中文" } };
    const b = { a: { x: "中文", y: [1, { c: 3, d: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"x":"中文","y":[1,{"c":3,"d":2}]},"b":1}');
    expect(digestOf(a)).toBe(digestOf(b));
  });

  it("is the SHA-256 hex of the canonical JSON (UTF-8)", () => {
    const content = { team: "张伟团队", budgetRequestYuan: "1500000" };
    const expected = createHash("sha256").update('{"budgetRequestYuan":"1500000","team":"张伟团队"}', "utf8").digest("hex");
    expect(digestOf(content)).toBe(expected);
    expect(digestOf(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when any character of the content changes; array order matters", () => {
    expect(digestOf({ a: "方案" })).not.toBe(digestOf({ a: "方案 " }));
    expect(digestOf({ a: [1, 2] })).not.toBe(digestOf({ a: [2, 1] }));
  });

  it("treats BigInt budgets as strings and undefined fields as absent", () => {
    expect(canonicalJson({ v: 12n, u: undefined })).toBe('{"v":"12"}');
    const base = {
      scenarioId: "s1", orgId: "o1", technicalApproach: "## 方案", team: "团队", budgetRequest: 1_500_000n,
      milestones: [{ name: "上线", dueDate: "2026-06-30", deliverable: "系统", evidence: "测试报告" }],
      relevantCases: "", consortiumMembers: [], attachments: [],
    };
    const content = proposalContent(base);
    expect(content.budgetRequestYuan).toBe("1500000");
    expect(digestOf(content)).toBe(digestOf(proposalContent({ ...base })));
    expect(digestOf(content)).not.toBe(digestOf(proposalContent({ ...base, budgetRequest: 1_500_001n })));
  });

  it("covers every attached file by its SHA-256: another file, or a changed one, gives another digest", () => {
    const sha = (text: string) => createHash("sha256").update(text).digest("hex");
    const fileA = { id: "att-a", filename: "技术方案.pdf", size: 1024, sha256: sha("方案 第一版") };
    const fileB = { id: "att-b", filename: "团队简历.docx", size: 2048, sha256: sha("简历") };
    const base = {
      scenarioId: "s1", orgId: "o1", technicalApproach: "## 方案", team: "团队", budgetRequest: 1_500_000n,
      milestones: [], relevantCases: "", consortiumMembers: [], attachments: [fileA, fileB],
    };
    const content = proposalContent(base);
    const digest = digestOf(content);
    // 同一文件名、同一大小，内容变了。 Same name and size, different bytes.
    const changed = { ...fileA, sha256: sha("方案 第二版") };
    expect(digestOf(proposalContent({ ...base, attachments: [changed, fileB] }))).not.toBe(digest);
    expect(content.attachments).toEqual([fileA, fileB]);
    expect(digestOf(proposalContent({ ...base, attachments: [fileA] }))).not.toBe(digest);
    expect(digestOf(proposalContent({ ...base, attachments: [] }))).not.toBe(digest);
    // 查询顺序不影响摘要。 The order files come from the database does not matter.
    expect(digestOf(proposalContent({ ...base, attachments: [fileB, fileA] }))).toBe(digest);
  });
});
