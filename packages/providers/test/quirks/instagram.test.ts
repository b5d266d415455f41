import { describe, expect, it } from "vitest";
import { instagram } from "../../src/instagram.js";
import { loginScope } from "./_login.js";

describe("instagram", () => {
  const { tokenResponse } = instagram().hooks!;
  const token = { access_token: "IGAAb", user_id: "1020", permissions: "instagram_business_basic,instagram_business_content_publish" };

  it("unwraps the answer Meta documents ({ data: [token] })", () => {
    expect(tokenResponse!({ status: 200, body: { data: [token] } })).toEqual({ status: 200, body: token });
  });

  it("passes the flat answer the API also gives, a standard answer and an error through unchanged", () => {
    const flat = { status: 200, body: token };
    const standard = { status: 200, body: { access_token: "a", token_type: "bearer", expires_in: 3600 } };
    const error = { status: 400, body: { error_type: "OAuthException", code: 400, error_message: "Invalid authorization code" } };
    expect(tokenResponse!(flat)).toBe(flat);
    expect(tokenResponse!(standard)).toBe(standard);
    expect(tokenResponse!(error)).toBe(error);
  });

  it("joins scopes with commas", async () => {
    expect(await loginScope(instagram({ scope: ["instagram_business_basic", "instagram_business_manage_comments"] }))).toBe("instagram_business_basic,instagram_business_manage_comments");
  });
});
