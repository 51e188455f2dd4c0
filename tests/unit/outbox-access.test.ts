import { describe, expect, it } from "vitest";
import { outboxEnabled } from "../../app/modules/notifications/outbox-access.server";

describe("the mail outbox page", () => {
  it("exists for the local demo that opted in, and in development", () => {
    expect(outboxEnabled({ NODE_ENV: "production", APP_URL: "http://localhost:3000", ENABLE_DEV_OUTBOX: "true" })).toBe(true);
    expect(outboxEnabled({ NODE_ENV: "development", APP_URL: undefined, ENABLE_DEV_OUTBOX: undefined })).toBe(true);
  });

  it("does not exist for a production run that did not opt in", () => {
    expect(outboxEnabled({ NODE_ENV: "production", APP_URL: "http://10.0.0.5:3000", ENABLE_DEV_OUTBOX: undefined })).toBe(false);
    expect(outboxEnabled({ NODE_ENV: "production", APP_URL: undefined, ENABLE_DEV_OUTBOX: "false" })).toBe(false);
  });

  it("never exists when the site is served over https, whatever else is set", () => {
    expect(outboxEnabled({ NODE_ENV: "production", APP_URL: "https://jiebang.zhengzhou.gov.cn", ENABLE_DEV_OUTBOX: "true" })).toBe(false);
    expect(outboxEnabled({ NODE_ENV: "development", APP_URL: "https://staging.example.cn", ENABLE_DEV_OUTBOX: "true" })).toBe(false);
  });
});
