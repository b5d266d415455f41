import { describe, expect, it } from "vitest";
import { weibo } from "../../src/weibo.js";
import { loginScope } from "./_login.js";

describe("weibo", () => {
  const { tokenResponse } = weibo().hooks!;

  it("reads Weibo's token answer, which has no token_type, as a bearer token and keeps uid", () => {
    const body = { access_token: "2.00abc", remind_in: "157679999", expires_in: 157679999, uid: "1404376560", isRealName: "true" };
    expect(tokenResponse!({ status: 200, body })).toEqual({ status: 200, body: { ...body, token_type: "bearer" } });
    const error = { status: 400, body: { error: "invalid_grant", error_code: 21325, request: "/oauth2/access_token" } };
    expect(tokenResponse!(error)).toBe(error);
  });

  it("joins scopes with commas", async () => {
    expect(await loginScope(weibo({ scope: ["email", "direct_messages_read"] }))).toBe("email,direct_messages_read");
  });
});
