import { describe, expect, it } from "vitest";
import { figma } from "../../src/figma.js";

describe("figma", () => {
  const { tokenResponse } = figma().hooks!;

  it("reads Figma's token answer, which has no token_type, as a bearer token", () => {
    const body = { user_id: "123", access_token: "figd_a", refresh_token: "figr_b", expires_in: 7776000 };
    expect(tokenResponse!({ status: 200, body })).toEqual({ status: 200, body: { ...body, token_type: "bearer" } });
  });

  it("passes a standard answer and an error through unchanged", () => {
    const standard = { status: 200, body: { access_token: "a", token_type: "Bearer", expires_in: 60 } };
    const error = { status: 400, body: { error: "invalid_grant" } };
    expect(tokenResponse!(standard)).toBe(standard);
    expect(tokenResponse!(error)).toBe(error);
  });

  it("refreshes at /v1/oauth/refresh", () => {
    expect(figma().refresh).toEqual({ url: "https://api.figma.com/v1/oauth/refresh" });
  });
});
