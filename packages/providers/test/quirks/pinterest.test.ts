import { describe, expect, it } from "vitest";
import { pinterest } from "../../src/pinterest.js";
import { loginScope } from "./_login.js";

describe("pinterest", () => {
  it("joins scopes with commas", async () => {
    expect(await loginScope(pinterest({ scope: ["user_accounts:read", "boards:read"] }))).toBe("user_accounts:read,boards:read");
  });
});
