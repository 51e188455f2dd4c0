import { describe, expect, it } from "vitest";
import { EVENT_NAMES, parseEventJob } from "../../app/modules/notifications/events";

// The worker trusts nothing it reads back from the queue: an unknown event or a payload that does
// not match its schema fails the job (and is retried, then kept as failed) instead of notifying wrongly.
describe("event jobs", () => {
  it("accepts every known event with its payload", () => {
    expect(parseEventJob({ event: "scenario.amended", entityId: "s1", data: { version: 3 } })).toEqual({
      event: "scenario.amended", entityId: "s1", data: { version: 3 },
    });
    expect(parseEventJob({ event: "question.answered", entityId: "q1", data: {} }).data).toEqual({});
    expect(EVENT_NAMES).toEqual(expect.arrayContaining(["question.answered", "scenario.amended", "scenario.cancelled", "proposal.submitted"]));
  });

  it("refuses an unknown event, a missing entity and a payload of the wrong shape", () => {
    expect(() => parseEventJob({ event: "scenario.deleted", entityId: "s1", data: {} })).toThrow();
    expect(() => parseEventJob({ event: "scenario.cancelled", entityId: "", data: {} })).toThrow();
    expect(() => parseEventJob({ event: "scenario.amended", entityId: "s1", data: {} })).toThrow();
    expect(() => parseEventJob({ event: "scenario.amended", entityId: "s1", data: { version: "2" } })).toThrow();
  });
});
