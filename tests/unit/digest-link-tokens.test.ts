import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signerFor, type LinkToken } from "../../app/modules/digests/link-tokens.server";

describe("signed mail links", () => {
  const signer = signerFor(crypto.randomBytes(32));
  const tokens: LinkToken[] = [
    { kind: "unsubscribe", userId: "cluser0001", scope: "all" },
    { kind: "unsubscribe", userId: "cluser0001", scope: "search", targetId: "clsearch01" },
    { kind: "unsubscribe", userId: "cluser0001", scope: "recommendations", targetId: "clrec00001" },
    { kind: "not-relevant", userId: "cluser0001", orgId: "clorg00001", scenarioId: "clscen0001" },
  ];

  it("reads back exactly what it signed, in a URL-safe string", () => {
    for (const token of tokens) {
      const value = signer.sign(token);
      expect(value).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(signer.verify(value)).toEqual(token);
    }
  });

  it("refuses any change, another key, and tokens of no known shape", () => {
    const value = signer.sign(tokens[1]!);
    // Pointing the signature at another person's or another search's subscription.
    expect(signer.verify(value.replace("cluser0001", "cluser0002"))).toBeNull();
    expect(signer.verify(value.replace("clsearch01", "clsearch02"))).toBeNull();
    expect(signer.verify(value.replace(".s.", ".a."))).toBeNull();
    expect(signer.verify(`${value.slice(0, -1)}${value.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(signerFor(crypto.randomBytes(32)).verify(value)).toBeNull();
    expect(signer.verify("")).toBeNull();
    expect(signer.verify("x".repeat(1000))).toBeNull();
    expect(() => signer.sign({ kind: "unsubscribe", userId: "a.b", scope: "all" })).toThrow();
  });
});
