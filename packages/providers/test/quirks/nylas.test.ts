/** Nylas v3 answers an id_token that a plain OAuth 2 preset cannot verify: it is dropped, the rest kept. */
import { describe, expect, it } from "vitest";
import { nylas } from "../../src/nylas.js";

describe("nylas token answer", () => {
  const hook = nylas().hooks!.tokenResponse!;

  it("drops the id_token and keeps grant_id, email and provider", () => {
    const body = { access_token: "at", token_type: "Bearer", id_token: "eyJ.x.y", grant_id: "g-1", email: "ada@example.com", provider: "google", expires_in: 3600 };
    expect(hook({ status: 200, body })).toEqual({ status: 200, body: { access_token: "at", token_type: "Bearer", grant_id: "g-1", email: "ada@example.com", provider: "google", expires_in: 3600 } });
  });

  it("passes a standard answer through unchanged", () => {
    const answer = { status: 200, body: { access_token: "at", token_type: "Bearer", expires_in: 3600 } };
    expect(hook(answer)).toBe(answer);
  });

  it("has regional endpoints", () => {
    expect(nylas({ region: "eu" }).tokenUrl).toBe("https://api.eu.nylas.com/v3/connect/token");
    expect(() => nylas({ region: "ap" as "us" })).toThrow(TypeError);
  });
});
