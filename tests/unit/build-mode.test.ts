import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isProductionBuild } from "../../app/server/build-if-needed";

// `npm run dev` leaves a development build in build/; `npm start` must build again rather than run it
// (the production server has no development JSX runtime: every page failed with "jsxDEV is not a function").
describe("the build's mode", () => {
  const file = (text: string) => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "build-mode-")), "index.js");
    fs.writeFileSync(target, text);
    return target;
  };

  it("tells a production build from the development build remix watch writes", () => {
    expect(isProductionBuild(file('var mode = "production", assetsBuildDirectory = "public/build";'))).toBe(true);
    expect(isProductionBuild(file('var mode = "development", assetsBuildDirectory = "public/build";'))).toBe(false);
    expect(isProductionBuild(file("export {};"))).toBe(false);
  });
});
