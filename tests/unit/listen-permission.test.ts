import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createListenGate, listenPermission, LISTEN_WHEN_TOLD } from "../../app/server/listen-permission";

// A parent's side of an IPC channel, seen from the child: what the child sent, and a way to answer.
function fakeChannel() {
  const emitter = new EventEmitter();
  const sent: unknown[] = [];
  return {
    sent,
    answer: (message: unknown) => emitter.emit("message", message),
    channel: { send: (message: unknown) => sent.push(message), on: emitter.on.bind(emitter), off: emitter.off.bind(emitter) },
    listeners: () => emitter.listenerCount("message"),
  };
}

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 20));
  return done;
};

describe("leave to listen", () => {
  it("is given at once without the launcher's variable, or without a parent", async () => {
    const { channel, sent } = fakeChannel();
    expect(await settled(listenPermission(env({}), channel))).toBe(true);
    expect(await settled(listenPermission(env({ [LISTEN_WHEN_TOLD]: "1" }), { ...channel, send: undefined }))).toBe(true);
    expect(sent).toEqual([]);
  });

  it("is asked for, and waits for the parent's answer, not any message", async () => {
    const { channel, sent, answer, listeners } = fakeChannel();
    const permission = listenPermission(env({ [LISTEN_WHEN_TOLD]: "1" }), channel);
    expect(sent).toEqual([{ type: "listen-waiting" }]);
    answer({ type: "shared-fifo-limit:granted" });
    answer(null);
    expect(await settled(permission)).toBe(false);
    answer({ type: "listen" });
    expect(await settled(permission)).toBe(true);
    expect(listeners()).toBe(0);
  });
});

describe("the parent's gate", () => {
  const child = () => {
    const got: unknown[] = [];
    return { got, send: (message: unknown, callback: (error: Error | null) => void) => { got.push(message); callback(null); } };
  };

  it("answers the children that asked when it opens, and later ones at once", () => {
    const gate = createListenGate();
    const [early, other, late] = [child(), child(), child()];
    gate.onChildMessage(early, { type: "listen-waiting" });
    gate.onChildMessage(other, { type: "web-ready" });
    expect(early.got).toEqual([]);
    expect(gate.isOpen()).toBe(false);
    gate.open();
    expect(early.got).toEqual([{ type: "listen" }]);
    expect(other.got).toEqual([]);
    gate.onChildMessage(late, { type: "listen-waiting" });
    expect(late.got).toEqual([{ type: "listen" }]);
    gate.open();
    expect(early.got).toHaveLength(1);
  });

  it("does not throw for a child that exited before the gate opened", () => {
    const gate = createListenGate();
    gate.onChildMessage({ send: (_m, callback) => callback(new Error("channel closed")) }, { type: "listen-waiting" });
    expect(() => gate.open()).not.toThrow();
  });
});
