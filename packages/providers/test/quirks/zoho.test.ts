/** Zoho: comma-separated scopes and token errors with HTTP 200. */
import { describe, expect, it } from "vitest";
import { zoho } from "../../src/zoho.js";
import { loginScope } from "./_login.js";

describe("zoho", () => {
  const { tokenResponse } = zoho().hooks!;

  it("joins the scope with commas", async () => {
    expect(await loginScope(zoho({ scope: ["ZohoCRM.users.READ", "AaaServer.profile.Read"] }))).toBe("ZohoCRM.users.READ,AaaServer.profile.Read");
  });

  it("makes an error answered with HTTP 200 a 400, and passes tokens through", () => {
    expect(tokenResponse!({ status: 200, body: { error: "invalid_code" } })).toEqual({ status: 400, body: { error: "invalid_code" } });
    const ok = { status: 200, body: { access_token: "1000.x", token_type: "Bearer", expires_in: 3600, api_domain: "https://www.zohoapis.com" } };
    expect(tokenResponse!(ok)).toBe(ok);
  });
});
