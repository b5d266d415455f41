import { describe, expect, it } from "vitest";
import { basecamp } from "../../src/basecamp.js";

describe("basecamp", () => {
  const userAgent = "Acme Timesheets (ops@acme.test)";

  it("sends Launchpad's type parameter: web_server on the exchange (kept with the app's own token parameters), refresh on a refresh", () => {
    const def = basecamp({ userAgent, tokenParams: { foo: "bar" } });
    expect(def.tokenParams).toEqual({ foo: "bar", type: "web_server" });
    expect(def.refresh).toEqual({ params: { type: "refresh" } });
  });

  it("needs the User-Agent Basecamp asks for", () => {
    expect(() => basecamp({} as never)).toThrow(/userAgent/);
  });
});
