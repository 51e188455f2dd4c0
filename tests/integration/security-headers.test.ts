import { describe, expect, it } from "vitest";
import { startWebServer, servedApp } from "../setup/web-server";

// Headers set by helmet at the edge, and the CSP nonce threaded through Remix to every script tag.
const web = servedApp({ https: false });

function directives(csp: string | null): Map<string, string[]> {
  expect(csp).toBeTruthy();
  return new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe("on a page", () => {
  it("a CSP whose scripts need this response's nonce, no framing, no sniffing, a referrer policy", async () => {
    const response = await fetch(`${web.url}/scenarios`);
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get("content-security-policy"));
    const nonce = csp.get("script-src")?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBeNull();

    // Every script the page carries, inline or not, holds that nonce.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("a new nonce for every response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const csp = directives((await fetch(`${web.url}/`)).headers.get("content-security-policy"));
      nonces.add(csp.get("script-src")!.find((v) => v.startsWith("'nonce-"))!);
    }
    expect(nonces.size).toBe(3);
  });

  it("the same headers on static files and on answers given at the edge", async () => {
    const icon = await fetch(`${web.url}/favicon.svg`);
    expect(icon.headers.get("x-content-type-options")).toBe("nosniff");
    const refused = await fetch(`${web.url}/login`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    expect(refused.status).toBe(400);
    expect(directives(refused.headers.get("content-security-policy")).get("frame-ancestors")).toEqual(["'none'"]);
  });
});

it("HSTS only when the public address is https", async () => {
  const secure = await startWebServer({ https: true });
  try {
    const response = await fetch(`${secure.url}/`);
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    expect(directives(response.headers.get("content-security-policy")).has("upgrade-insecure-requests")).toBe(true);
  } finally {
    await secure.close();
  }
  const plain = await fetch(`${web.url}/`);
  expect(directives(plain.headers.get("content-security-policy")).has("upgrade-insecure-requests")).toBe(false);
});
