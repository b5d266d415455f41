import { describe, expect, it } from "vitest";
import { wrikeHooks } from "../../src/wrike.js";

describe("wrike quirks", () => {
  it("sends the scope list comma-separated", () => {
    const url = new URL("https://login.wrike.com/oauth2/authorize/v4?scope=wsReadOnly+amReadOnlyUser");
    wrikeHooks.authorizationRequest!(url, { clientId: "id" });
    expect(url.searchParams.get("scope")).toBe("wsReadOnly,amReadOnlyUser");
  });
});
