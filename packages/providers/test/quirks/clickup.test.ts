import { describe, expect, it } from "vitest";
import { clickup } from "../../src/clickup.js";

describe("clickup", () => {
  const { tokenResponse } = clickup().hooks!;

  it("reads ClickUp's token answer, only { access_token }, as a bearer token", () => {
    expect(tokenResponse!({ status: 200, body: { access_token: "12345_abc" } })).toEqual({ status: 200, body: { access_token: "12345_abc", token_type: "bearer" } });
  });

  it("passes a standard answer and an error through unchanged", () => {
    const standard = { status: 200, body: { access_token: "a", token_type: "Bearer" } };
    const error = { status: 400, body: { err: "Code not found", ECODE: "OAUTH_014" } };
    expect(tokenResponse!(standard)).toBe(standard);
    expect(tokenResponse!(error)).toBe(error);
  });
});
