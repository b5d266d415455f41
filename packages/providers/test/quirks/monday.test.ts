import { describe, expect, it } from "vitest";
import { monday } from "../../src/monday.js";

describe("monday", () => {
  it("uses the OAuth 2.1 token endpoint with refresh, or the legacy one without", () => {
    expect(monday()).toMatchObject({ tokenUrl: "https://auth.monday.com/oauth_ms/oauth/token", refresh: true });
    expect(monday({ legacy: true })).toMatchObject({ tokenUrl: "https://auth.monday.com/oauth2/token", refresh: false });
  });
});
