/** Facebook: comma-separated permissions, a versioned Graph path, revocation by deleting the permissions. */
import { describe, expect, it } from "vitest";
import { facebook } from "../../src/facebook.js";
import { loginScope } from "./_login.js";

describe("facebook", () => {
  it("joins the scope with commas, a login's extra permissions too", async () => {
    expect(await loginScope(facebook({ scope: ["email", "public_profile"] }))).toBe("email,public_profile");
    expect(await loginScope(facebook({ scope: ["email"] }), ["user_friends"])).toBe("email,user_friends");
  });

  it("puts a Graph API version in every path, and refuses a malformed one", () => {
    const def = facebook({ version: "v23.0" });
    expect([def.authorizationUrl, def.tokenUrl, def.apiBaseUrl]).toEqual([
      "https://www.facebook.com/v23.0/dialog/oauth",
      "https://graph.facebook.com/v23.0/oauth/access_token",
      "https://graph.facebook.com/v23.0/",
    ]);
    expect(() => facebook({ version: "23" })).toThrow(TypeError);
  });

  it("revokes by deleting the user's permissions", async () => {
    const calls: Request[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(new Request(input, init));
      return Response.json({ success: true });
    }) as typeof globalThis.fetch;
    await facebook({ version: "v23.0" }).hooks!.revoke!({ access_token: "EAAB", token_type: "bearer" }, { clientId: "id", clientSecret: "s", fetch });
    expect(calls.map((r) => [r.method, r.url, r.headers.get("authorization")])).toEqual([["DELETE", "https://graph.facebook.com/v23.0/me/permissions", "Bearer EAAB"]]);
  });
});
