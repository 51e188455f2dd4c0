import { describe, expect, it } from "vitest";
import { clientAddress } from "../../app/utils/client-ip.server";

// X-Forwarded-For is a list each proxy appends to; anyone can send one. Only the hops added by the
// proxies we run (TRUST_PROXY of them, counted from our end) can be believed.
describe("clientAddress", () => {
  const peer = "10.0.0.5";

  it("by default ignores forwarding headers and uses the socket's address", () => {
    expect(clientAddress({ peer, forwardedFor: "203.0.113.9", trustedHops: 0 })).toBe(peer);
    expect(clientAddress({ peer, forwardedFor: undefined, trustedHops: 0 })).toBe(peer);
  });

  it("with one trusted proxy takes the right-most entry, the address that proxy saw", () => {
    expect(clientAddress({ peer, forwardedFor: "203.0.113.9", trustedHops: 1 })).toBe("203.0.113.9");
    // A forged entry in front is what the client sent; the proxy appended the real address after it.
    expect(clientAddress({ peer, forwardedFor: "198.51.100.7, 203.0.113.9", trustedHops: 1 })).toBe("203.0.113.9");
  });

  it("with two trusted proxies skips the entry added by the second one", () => {
    expect(clientAddress({ peer, forwardedFor: "198.51.100.7, 203.0.113.9, 10.0.0.4", trustedHops: 2 })).toBe("203.0.113.9");
  });

  it("when there are fewer entries than trusted hops, the left-most one", () => {
    expect(clientAddress({ peer, forwardedFor: "203.0.113.9", trustedHops: 3 })).toBe("203.0.113.9");
  });

  it("the header may come as several lines", () => {
    expect(clientAddress({ peer, forwardedFor: ["198.51.100.7", "203.0.113.9"], trustedHops: 1 })).toBe("203.0.113.9");
  });

  it("an entry that is not an address is not believed: the socket's address is used", () => {
    expect(clientAddress({ peer, forwardedFor: "evil, not-an-ip", trustedHops: 1 })).toBe(peer);
    expect(clientAddress({ peer, forwardedFor: "", trustedHops: 1 })).toBe(peer);
  });

  it("IPv4 addresses written as IPv6 are shown as IPv4, IPv6 as it is", () => {
    expect(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: undefined, trustedHops: 0 })).toBe("127.0.0.1");
    expect(clientAddress({ peer, forwardedFor: "2001:db8::1", trustedHops: 1 })).toBe("2001:db8::1");
  });

  it("no socket address at all (a closed connection) gives a fixed placeholder", () => {
    expect(clientAddress({ peer: undefined, forwardedFor: undefined, trustedHops: 0 })).toBe("unknown");
  });
});
