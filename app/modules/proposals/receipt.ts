import { createHash } from "node:crypto";

// 回执摘要：把提交内容序列化为键名排序的规范 JSON，再取 SHA-256（十六进制）。
// 同一内容无论字段顺序如何都得到同一摘要，供应商可据此核对“递交的就是这份”。
// The receipt digest: content → canonical JSON (keys sorted at every depth) → SHA-256 hex, so the
// same content always yields the same digest whatever the key order. Server-only (node:crypto).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function normalise(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      // undefined 字段与缺省等价，不进入摘要。 Undefined fields are the same as absent ones.
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("canonicalJson: non-finite number");
  return value as Json;
}

/** 规范 JSON（键名排序、无空白）。 Canonical JSON: sorted keys, no whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function digestOf(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

/** 附件以其 SHA-256 进入回执。 A file enters the receipt through its SHA-256 (stored on upload). */
export type ReceiptFile = { id: string; filename: string; size: number; sha256: string };

export type ProposalContentSource = {
  scenarioId: string;
  orgId: string;
  technicalApproach: string;
  team: string;
  budgetRequest: bigint | null;
  milestones: unknown;
  relevantCases: string;
  consortiumMembers: unknown;
  attachments: readonly ReceiptFile[];
};

/**
 * 被封存、被摘要的内容（预算以“元”的字符串保存，BigInt 不能进 JSON）。每个附件的 SHA-256 都在其中，
 * 换掉任何一个文件，回执摘要就会变；附件按 id 排序，摘要与查询顺序无关。
 * What is sealed and digested. Each attached file's SHA-256 is part of it, so changing a file changes
 * the receipt; files are sorted by id so the digest does not depend on query order.
 */
export function proposalContent(p: ProposalContentSource) {
  return {
    scenarioId: p.scenarioId,
    orgId: p.orgId,
    technicalApproach: p.technicalApproach,
    team: p.team,
    budgetRequestYuan: p.budgetRequest == null ? null : p.budgetRequest.toString(),
    milestones: normalise(p.milestones),
    relevantCases: p.relevantCases,
    consortiumMembers: normalise(p.consortiumMembers),
    attachments: [...p.attachments]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((f) => ({ id: f.id, filename: f.filename, size: f.size, sha256: f.sha256 })),
  };
}

/** 附件在回执中的字段（也供读取已封存的内容）。 The fields a file has in the receipt. */
export const receiptFileSelect = { id: true, filename: true, size: true, sha256: true } as const;
export type ProposalContent = ReturnType<typeof proposalContent>;
