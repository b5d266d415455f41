import { describe, expect, it } from "vitest";
import { naver } from "../../src/naver.js";

describe("naver", () => {
  const { tokenResponse } = naver().hooks!;

  it("makes Naver's HTTP 200 token errors the 400 they are", () => {
    const body = { error: "invalid_request", error_description: "no valid data in session" };
    expect(tokenResponse!({ status: 200, body })).toEqual({ status: 400, body });
  });

  it("passes Naver's success (expires_in as a string) through for the core to read", () => {
    const ok = { status: 200, body: { access_token: "AAAA", refresh_token: "c8ce", token_type: "bearer", expires_in: "3600" } };
    expect(tokenResponse!(ok)).toBe(ok);
  });
});
