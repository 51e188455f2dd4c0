import { describe, expect, it } from "vitest";
import { friendlyError } from "../../app/server/friendly-errors";

// The edge sends a browser that navigated to a bare refusal ("error.notFound") on to the app's error
// page of that status; everything else passes through untouched.
const browser = (url: string) => new Request(`http://jiebang.test${url}`, { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });

describe("friendlyError", () => {
  it("sends a browser on to the error page of the same status in place of a bare message key", async () => {
    const out = await friendlyError(browser("/attachments/x"), new Response("error.notFound", { status: 404 }));
    expect(out.status).toBe(303);
    expect(out.headers.get("Location")).toBe("/errors/404?reason=error.notFound");
  });

  it("leaves scripts, data requests, other bodies and successes alone", async () => {
    const api = new Request("http://jiebang.test/attachments/x", { headers: { Accept: "*/*" } });
    expect(await (await friendlyError(api, new Response("error.notFound", { status: 404 }))).text()).toBe("error.notFound");
    expect(await (await friendlyError(browser("/vendor.data"), new Response("error.notFound", { status: 404 }))).text()).toBe("error.notFound");
    expect(await (await friendlyError(browser("/x"), new Response("Some sentence for people.", { status: 400 }))).text()).toBe("Some sentence for people.");
    const ok = new Response("file", { status: 200 });
    expect(await friendlyError(browser("/x"), ok)).toBe(ok);
  });
});
