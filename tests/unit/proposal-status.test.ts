import { describe, expect, it } from "vitest";
import type { ProposalStatus } from "../../app/generated/prisma/enums";
import {
  canMoveProposal, COUNTED_STATUSES, EDITABLE_STATUSES, isCounted, isEditable, isInReview, isUndelivered, PROPOSAL_TRANSITIONS,
} from "../../app/modules/proposals/proposal-status";

const ALL = Object.keys(PROPOSAL_TRANSITIONS) as ProposalStatus[];

describe("the proposal state machine", () => {
  it("names every status and moves only along the table", () => {
    expect(ALL.sort()).toEqual(["awarded", "draft", "not_selected", "shortlisted", "submitted", "under_review", "withdrawn"]);
    expect(canMoveProposal("draft", "submitted")).toBe(true);
    expect(canMoveProposal("submitted", "withdrawn")).toBe(true);
    expect(canMoveProposal("withdrawn", "submitted")).toBe(true);
    expect(canMoveProposal("submitted", "under_review")).toBe(true);
    expect(canMoveProposal("draft", "under_review")).toBe(false);
    expect(canMoveProposal("withdrawn", "under_review")).toBe(false);
    expect(canMoveProposal("under_review", "submitted")).toBe(false);
    expect(canMoveProposal("awarded", "not_selected")).toBe(false);
  });

  it("keeps the named checks consistent with one another", () => {
    for (const status of ALL) {
      // Content changes only before review; counted proposals are the ones handed in.
      if (isInReview(status)) expect(isEditable(status), status).toBe(false);
      expect(isCounted(status) && isUndelivered(status), status).toBe(false);
      expect(isCounted(status) || isUndelivered(status), status).toBe(true);
    }
    expect([...EDITABLE_STATUSES].sort()).toEqual(["draft", "submitted", "withdrawn"]);
    expect(COUNTED_STATUSES).not.toContain("withdrawn");
  });
});
