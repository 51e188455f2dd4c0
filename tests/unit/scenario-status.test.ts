import { describe, expect, it } from "vitest";
import type { ScenarioStatus } from "../../app/generated/prisma/enums";
import {
  SCENARIO_STATUS_ORDER, TRANSITIONS, assertAmendable, assertTransition, canAmend, canEdit, canTransition,
  isPublic,
} from "../../app/modules/scenarios/scenario-status";
import { AppError } from "../../app/utils/errors.server";

const ALL = SCENARIO_STATUS_ORDER;

describe("scenario state machine", () => {
  it("covers every status of the schema", () => {
    expect([...ALL].sort()).toEqual(
      ["award_proposed", "awarded", "cancelled", "closed", "completed", "draft", "evaluating", "in_delivery", "notice", "published"],
    );
  });

  it("follows SPEC §4: draft → published → closed → evaluating → award proposed → notice → awarded → in delivery → completed", () => {
    const path: ScenarioStatus[] = ["draft", "published", "closed", "evaluating", "award_proposed", "notice", "awarded", "in_delivery", "completed"];
    for (let i = 0; i < path.length - 1; i++) expect(canTransition(path[i]!, path[i + 1]!)).toBe(true);
  });

  it("lets a draft or an open call be cancelled, but not a finished one", () => {
    expect(canTransition("draft", "cancelled")).toBe(true);
    expect(canTransition("published", "cancelled")).toBe(true);
    expect(canTransition("awarded", "cancelled")).toBe(false);
    expect(canTransition("completed", "cancelled")).toBe(false);
  });

  it("has no way out of completed or cancelled", () => {
    expect(TRANSITIONS.completed).toEqual([]);
    expect(TRANSITIONS.cancelled).toEqual([]);
  });

  it("refuses to skip steps or go back to draft", () => {
    expect(canTransition("draft", "closed")).toBe(false);
    expect(canTransition("published", "draft")).toBe(false);
    expect(canTransition("cancelled", "published")).toBe(false);
    expect(canTransition("published", "published")).toBe(false);
  });

  it("throws a 409 AppError for every pair not in the table, and nothing for those in it", () => {
    for (const from of ALL) {
      for (const to of ALL) {
        if (TRANSITIONS[from].includes(to)) {
          expect(() => assertTransition(from, to)).not.toThrow();
          continue;
        }
        let thrown: unknown;
        try {
          assertTransition(from, to);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${from} → ${to}`).toBeInstanceOf(AppError);
        expect((thrown as AppError).status).toBe(409);
        expect((thrown as AppError).label).toBe("sv.transition");
        expect((thrown as AppError).context).toEqual({ from, to });
      }
    }
  });

  it("reaches every status from draft", () => {
    const seen = new Set<ScenarioStatus>(["draft"]);
    const queue: ScenarioStatus[] = ["draft"];
    while (queue.length) {
      for (const next of TRANSITIONS[queue.shift()!]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(seen.size).toBe(ALL.length);
  });
});

describe("editing and amending", () => {
  it("edits drafts only and amends open calls only", () => {
    expect(ALL.filter(canEdit)).toEqual(["draft"]);
    expect(ALL.filter(canAmend)).toEqual(["published"]);
    expect(() => assertAmendable("published")).not.toThrow();
    expect(() => assertAmendable("draft")).toThrow(AppError);
    expect(() => assertAmendable("closed")).toThrow(AppError);
  });
});

describe("public visibility", () => {
  it("hides drafts and drafts cancelled before publication", () => {
    expect(isPublic({ status: "draft", publishedAt: null })).toBe(false);
    expect(isPublic({ status: "cancelled", publishedAt: null })).toBe(false);
    expect(isPublic({ status: "cancelled", publishedAt: "2026-01-05T02:00:00.000Z" })).toBe(true);
    expect(isPublic({ status: "published", publishedAt: new Date() })).toBe(true);
  });

});
