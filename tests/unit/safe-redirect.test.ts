import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/utils/safe-redirect";

// What the browser does with a Location header: WHATWG URL parsing against the current page.
function landsOn(location: string): string {
  return new URL(location, "https://jiebang.example.cn/login").origin;
}

describe("safeRedirect", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/scenarios?q=%E9%98%B2%E6%B1%9B&sort=deadline", "/scenarios?q=%E9%98%B2%E6%B1%9B&sort=deadline"],
    ["/scenarios/ZZ-2026-001#questions", "/scenarios/ZZ-2026-001#questions"],
    ["/vendor/proposals/ZZ-1?org=abc", "/vendor/proposals/ZZ-1?org=abc"],
    // Encoded spaces and slashes in the query are search terms, not a way off the site.
    ["/scenarios?q=%E9%98%B2%E6%B1%9B%20%2F%2Fx", "/scenarios?q=%E9%98%B2%E6%B1%9B%20%2F%2Fx"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeRedirect(input, "/fallback")).toBe(expected);
  });

  it.each([
    // Browsers strip tabs and newlines from URLs, so these become //evil.example.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/ /evil.example",
    " //evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    // Encoded slashes and backslashes: decoded once by a proxy or a later redirect, they leave too.
    "/%2F/evil.example",
    "/%2f/evil.example",
    "/%5Cevil",
    "/%5cevil.example",
    "/%252F/evil.example",
    "%2F%2Fevil.example",
    // Control characters anywhere, raw or encoded.
    "/dashboard\u0000",
    "/dash\u0007board",
    "/login\nSet-Cookie: x=1",
    "/a%0d%0aSet-Cookie:x=1",
    "/a%00b",
    "/a\u007f",
    // Not a path at all.
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("sends %j to the fallback", (input) => {
    expect(safeRedirect(input, "/fallback")).toBe("/fallback");
  });

  it("never returns something a browser resolves to another site", () => {
    for (const input of ["/\t/evil.example", "/%2F/evil.example", "/ /evil.example", "/%5Cevil", "/./\\evil", "/..//evil.example"]) {
      expect(landsOn(safeRedirect(input, "/"))).toBe("https://jiebang.example.cn");
    }
  });

  it("normalises dot segments instead of passing them on", () => {
    expect(safeRedirect("/scenarios/../dashboard")).toBe("/dashboard");
    expect(safeRedirect("/..//evil.example", "/fallback")).toBe("/fallback");
  });

  it("takes only strings: a File or nothing gives the fallback", () => {
    expect(safeRedirect(null, "/f")).toBe("/f");
    expect(safeRedirect(undefined, "/f")).toBe("/f");
    expect(safeRedirect(new File(["/x"], "x.txt"), "/f")).toBe("/f");
  });
});
