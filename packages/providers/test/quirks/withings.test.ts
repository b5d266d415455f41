import { describe, expect, it } from "vitest";
import { withings, withingsHooks } from "../../src/withings.js";
import { loginScope } from "./_login.js";

describe("withings quirks", () => {
  it("unwraps the { status: 0, body } envelope of a token answer", () => {
    const token = { userid: "363", access_token: "a075f8c14fb8df40b08ebc8508533dc332a6910a", refresh_token: "f631236f02b991810feb774765b6ae8e6c6839ca", expires_in: 10800, scope: "user.info,user.metrics", csrf_token: "PACnnxwHTaBQOzF7bQqwFUUotIuvtzSM", token_type: "Bearer" };
    expect(withingsHooks.tokenResponse!({ status: 200, body: { status: 0, body: token } })).toEqual({ status: 200, body: token });
  });

  it("turns an error sent with HTTP 200 and a non-zero status into a 400", () => {
    const answer = withingsHooks.tokenResponse!({ status: 200, body: { status: 503, body: {}, error: "Invalid Params: invalid code" } });
    expect(answer).toEqual({ status: 400, body: { error: "withings_status_503", error_description: "Invalid Params: invalid code" } });
  });

  it("passes a standard RFC 6749 answer through unchanged", () => {
    const answer = { status: 200, body: { access_token: "at", token_type: "Bearer", expires_in: 3600 } };
    expect(withingsHooks.tokenResponse!(answer)).toBe(answer);
  });

  it("names the token action in every token request", () => {
    const body = new URLSearchParams({ grant_type: "authorization_code", code: "c" });
    withingsHooks.tokenRequest!(body, new Headers(), { clientId: "id" });
    expect(body.get("action")).toBe("requesttoken");
  });

  it("sends the scope list comma-separated", async () => {
    expect(await loginScope(withings({ scope: ["user.info", "user.metrics"] }))).toBe("user.info,user.metrics");
  });
});
