/** WorkOS answers the token and the profile without a token_type. */
import { describe, expect, it } from "vitest";
import { workos } from "../../src/workos.js";

describe("workos token answer", () => {
  const hook = workos().hooks!.tokenResponse!;

  it("gives a token without token_type the bearer type, keeping the profile", () => {
    const body = { access_token: "01DMEK0J53", profile: { id: "prof_1", email: "ada@example.com" } };
    expect(hook({ status: 200, body })).toEqual({ status: 200, body: { ...body, token_type: "bearer" } });
  });

  it("passes standard answers and errors through unchanged", () => {
    const ok = { status: 200, body: { access_token: "at", token_type: "Bearer" } };
    const error = { status: 400, body: { error: "invalid_grant" } };
    expect([hook(ok), hook(error)]).toEqual([ok, error]);
    expect(hook(ok)).toBe(ok);
  });
});
