import { describe, expect, it } from "vitest";
import { deadlineChangeRefusal, MIN_NOTICE_DAYS } from "../../app/modules/scenarios/deadline-change";

const DAY = 86_400_000;
const now = new Date("2026-12-02T02:00:00Z");
const at = (days: number, extraMs = 0) => new Date(now.getTime() + days * DAY + extraMs);
const change = (current: Date, proposed: Date, submittedProposals = 0) => deadlineChangeRefusal({ current, proposed, now, submittedProposals });

describe("deadline amendments", () => {
  it("extending is always allowed, with or without submitted proposals", () => {
    expect(change(at(10), at(20))).toBeNull();
    expect(change(at(10), at(20), 5)).toBeNull();
    expect(change(at(0, 1000), at(0, 2000), 1)).toBeNull();
  });

  it("an unchanged deadline is not a change", () => {
    expect(change(at(10), at(10), 3)).toBeNull();
  });

  it("shortening keeps the minimum notice, counted from the amendment", () => {
    expect(MIN_NOTICE_DAYS).toBe(3);
    expect(change(at(30), at(3))).toBeNull();
    expect(change(at(30), at(3, -1))).toBe("sv.deadlineShortenNotice");
    expect(change(at(30), at(0, 5000))).toBe("sv.deadlineShortenNotice");
  });

  it("shortening is refused once a proposal has been submitted, however much notice", () => {
    expect(change(at(30), at(20), 1)).toBe("sv.deadlineShortenSubmitted");
  });

  it("a deadline in the past is refused", () => {
    expect(change(at(30), at(0, -1))).toBe("sv.deadlinePast");
  });

  it("a closed call never reopens, not even by extending", () => {
    expect(change(at(0, -1), at(30))).toBe("sv.deadlineClosed");
    expect(change(now, at(30))).toBe("sv.deadlineClosed");
  });
});
