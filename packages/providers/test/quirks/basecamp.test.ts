import { describe, expect, it } from "vitest";
import { basecamp } from "../../src/basecamp.js";

describe("basecamp", () => {
  const userAgent = "Acme Timesheets (ops@acme.test)";

  it("sends Launchpad's type parameter: web_server on the exchange (kept with the app's own token parameters), refresh on a refresh", () => {
    const def = basecamp({ userAgent, tokenParams: { foo: "bar" } });
    expect(def.tokenParams).toEqual({ foo: "bar", type: "web_server" });
    expect(def.refresh).toEqual({ params: { type: "refresh" } });
  });

  it("reads Launchpad's token answer, which has no token_type, as a bearer token", () => {
    const body = { access_token: "BAhbB0kiAbB7ImNsaWVudF9pZCI6", refresh_token: "BAhbB0kiAbB7ImNsaWVudF9pZCI7", expires_in: 1209600 };
    expect(basecamp({ userAgent }).hooks!.tokenResponse!({ status: 200, body })).toEqual({ status: 200, body: { ...body, token_type: "bearer" } });
    const standard = { status: 200, body: { access_token: "a", token_type: "bearer" } };
    expect(basecamp({ userAgent }).hooks!.tokenResponse!(standard)).toBe(standard);
  });

  it("needs the User-Agent Basecamp asks for", () => {
    expect(() => basecamp({} as never)).toThrow(/userAgent/);
  });
});
