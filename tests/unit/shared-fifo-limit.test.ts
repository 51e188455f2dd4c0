import { describe, expect, it } from "vitest";
import { sharedLines } from "~/utils/shared-fifo-limit.server";

// The cluster primary's bookkeeping for lines shared by its web processes (the IPC around it is
// tested with real processes in web-cluster.test.ts).
describe("sharedLines", () => {
  it("grants up to the limit across owners, then in the order they asked", () => {
    const lines = sharedLines();
    const granted: string[] = [];
    const ask = (owner: number, ticket: number) => lines.acquire("db", 2, { owner, ticket }, () => granted.push(`${owner}:${ticket}`));
    ask(1, 1);
    ask(2, 1);
    ask(2, 2);
    ask(1, 2);
    expect(granted).toEqual(["1:1", "2:1"]);
    lines.release("db", { owner: 2, ticket: 1 });
    expect(granted).toEqual(["1:1", "2:1", "2:2"]);
    lines.release("db", { owner: 1, ticket: 1 });
    expect(granted).toEqual(["1:1", "2:1", "2:2", "1:2"]);
    expect(lines.running("db")).toBe(2);
  });

  it("keeps lines of different names apart, and ignores a release it does not know", () => {
    const lines = sharedLines();
    const granted: string[] = [];
    lines.acquire("a", 1, { owner: 1, ticket: 1 }, () => granted.push("a1"));
    lines.acquire("b", 1, { owner: 1, ticket: 2 }, () => granted.push("b2"));
    lines.release("a", { owner: 9, ticket: 9 });
    lines.release("nothing", { owner: 1, ticket: 1 });
    expect(granted).toEqual(["a1", "b2"]);
    expect(lines.running("a")).toBe(1);
  });

  it("frees what an exited owner held and drops what it waited for", () => {
    const lines = sharedLines();
    const granted: string[] = [];
    const ask = (owner: number, ticket: number) => lines.acquire("db", 1, { owner, ticket }, () => granted.push(`${owner}:${ticket}`));
    ask(1, 1);
    ask(1, 2);
    ask(2, 1);
    lines.forget(1);
    expect(granted).toEqual(["1:1", "2:1"]);
    expect(lines.running("db")).toBe(1);
  });
});
