import { describe, expect, it } from "vitest";
import { stackexchangeHooks } from "../../src/stackexchange.js";

describe("stackexchange quirks", () => {
  const hooks = stackexchangeHooks("app-key");

  it("reads `expires` as expires_in", () => {
    const answer = hooks.tokenResponse!({ status: 200, body: { access_token: "abc(def)", expires: 86399 } });
    expect(answer).toEqual({ status: 200, body: { access_token: "abc(def)", expires_in: 86399 } });
  });

  it("passes a standard RFC 6749 answer, and an error, through unchanged", () => {
    const standard = { status: 200, body: { access_token: "at", token_type: "Bearer", expires_in: 3600 } };
    expect(hooks.tokenResponse!(standard)).toBe(standard);
    const error = { status: 400, body: { error: "invalid_grant" } };
    expect(hooks.tokenResponse!(error)).toBe(error);
  });

  it("puts the token and the app's key in the query of API calls", async () => {
    const request = await hooks.apiRequest!(new Request("https://api.stackexchange.com/2.3/me?site=stackoverflow"), { token: { access_token: "a b", token_type: "bearer" }, clientId: "id" });
    const url = new URL(request.url);
    expect([url.searchParams.get("site"), url.searchParams.get("access_token"), url.searchParams.get("key")]).toEqual(["stackoverflow", "a b", "app-key"]);
  });
});
