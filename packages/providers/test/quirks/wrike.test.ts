import { describe, expect, it } from "vitest";
import { wrike } from "../../src/wrike.js";
import { loginScope } from "./_login.js";

describe("wrike quirks", () => {
  it("sends the scope list comma-separated", async () => {
    expect(await loginScope(wrike({ scope: ["wsReadOnly", "amReadOnlyUser"] }))).toBe("wsReadOnly,amReadOnlyUser");
  });
});
