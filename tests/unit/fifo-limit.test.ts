import { describe, expect, it } from "vitest";
import { fifoLimit } from "~/utils/fifo-limit.server";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("fifoLimit", () => {
  it("runs at most the limit at once and starts the others in the order they came", async () => {
    const limit = fifoLimit(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const results = gates.map((gate, i) => limit.run(async () => {
      started.push(i);
      most = Math.max(most, ++running);
      await gate.promise;
      running--;
      return i;
    }));
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limit.waiting).toBe(3);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    // A newcomer while others wait goes to the back of the line.
    const late = limit.run(async () => (started.push(99), 99));
    gates[2]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all([...results, late])).toEqual([0, 1, 2, 3, 4, 99]);
    expect(started.at(-1)).toBe(99);
    expect(most).toBe(2);
    expect(limit.waiting).toBe(0);
  });

  it("frees the slot of a task that fails, and passes the failure to its caller", async () => {
    const limit = fifoLimit(1);
    const failing = limit.run(async () => {
      throw new Error("database gone");
    });
    const next = limit.run(async () => "answered");
    await expect(failing).rejects.toThrow("database gone");
    await expect(next).resolves.toBe("answered");
  });

  it("refuses a limit that is not a positive whole number", () => {
    expect(() => fifoLimit(0)).toThrow(/positive integer/);
    expect(() => fifoLimit(1.5)).toThrow(/positive integer/);
  });
});
