import { describe, expect, it } from "vitest";
import { assignmentProgress } from "../../app/modules/evaluation/assignment-progress";
import { reminderDue, reminderStage } from "../../app/modules/evaluation/reminder-stage";
import { staffing } from "../../app/modules/evaluation/staffing";

const none = (status: "invited" | "accepted" | "declined" | "removed") => ({ status, declarations: [] });
const conflictedOn = (proposalId: string, overriddenById: string | null = null) => ({
  status: "accepted" as const, declarations: [{ proposalId, conflicted: true, overriddenById }],
});

describe("staffing", () => {
  it("needs three invited-or-accepted evaluators without conflict on every proposal", () => {
    expect(staffing(["p1", "p2"], [none("invited"), none("accepted"), none("declined")])).toMatchObject({ covered: 2, staffed: false });
    expect(staffing(["p1", "p2"], [none("invited"), none("accepted"), none("accepted")])).toMatchObject({ covered: 3, staffed: true });
  });

  it("counts the least covered proposal; an admin override counts again", () => {
    const three = [none("accepted"), none("accepted"), conflictedOn("p2")];
    expect(staffing(["p1", "p2"], three)).toMatchObject({ covered: 2, staffed: false, perProposal: { p1: 3, p2: 2 } });
    expect(staffing(["p1", "p2"], [none("accepted"), none("accepted"), conflictedOn("p2", "admin")])).toMatchObject({ covered: 3, staffed: true });
  });
});

describe("assignment progress", () => {
  it("counts undeclared and cleared-but-unsubmitted proposals as outstanding, conflicted ones not", () => {
    const p = assignmentProgress([
      { proposalId: "a", declaration: null, submitted: false },
      { proposalId: "b", declaration: { conflicted: true, overriddenById: null }, submitted: false },
      { proposalId: "c", declaration: { conflicted: false, overriddenById: null }, submitted: true },
      { proposalId: "d", declaration: { conflicted: true, overriddenById: "admin" }, submitted: false },
    ]);
    expect(p).toEqual({ total: 4, undeclared: 1, excluded: 1, toScore: 2, submitted: 1, outstanding: 2 });
  });
});

describe("reminder stages", () => {
  const due = new Date("2026-06-30T09:00:00Z");
  const at = (hoursBefore: number) => new Date(due.getTime() - hoursBefore * 3_600_000);

  it("is silent before two days, says two days, then one day, then nothing after the due date", () => {
    expect(reminderStage(due, at(49))).toBeNull();
    expect(reminderStage(due, at(48))?.stage).toBe("two_days");
    expect(reminderStage(due, at(25))?.stage).toBe("two_days");
    expect(reminderStage(due, at(24))?.stage).toBe("one_day");
    expect(reminderStage(due, at(0))).toBeNull();
  });

  it("sends each stage once: a reminder sent since the stage began settles it", () => {
    expect(reminderDue({ dueAt: due, remindedAt: null }, at(30))?.stage).toBe("two_days");
    expect(reminderDue({ dueAt: due, remindedAt: at(40) }, at(30))).toBeNull();
    expect(reminderDue({ dueAt: due, remindedAt: at(40) }, at(10))?.stage).toBe("one_day");
    expect(reminderDue({ dueAt: due, remindedAt: at(20) }, at(10))).toBeNull();
  });
});
