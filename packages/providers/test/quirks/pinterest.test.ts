import { describe, expect, it } from "vitest";
import { pinterest } from "../../src/pinterest.js";

describe("pinterest", () => {
  it("joins scopes with commas", () => {
    const url = new URL("https://www.pinterest.com/oauth/?scope=user_accounts%3Aread+boards%3Aread");
    pinterest().hooks!.authorizationRequest!(url, { clientId: "id" });
    expect(url.searchParams.get("scope")).toBe("user_accounts:read,boards:read");
  });
});
