/** Strava: comma-separated scopes, and revocation by deauthorizing the app. */
import { describe, expect, it } from "vitest";
import { strava } from "../../src/strava.js";
import { loginScope } from "./_login.js";

describe("strava", () => {
  it("joins the scope with commas", async () => {
    expect(await loginScope(strava({ scope: ["read", "activity:read"] }))).toBe("read,activity:read");
  });

  it("revokes with POST /oauth/deauthorize and the access token as a form field", async () => {
    const calls: Request[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(new Request(input, init));
      return Response.json({ access_token: "at" });
    }) as typeof globalThis.fetch;
    await strava().hooks!.revoke!({ access_token: "at", token_type: "bearer" }, { clientId: "id", clientSecret: "s", fetch });
    expect([calls[0]!.method, calls[0]!.url, await calls[0]!.text()]).toEqual(["POST", "https://www.strava.com/oauth/deauthorize", "access_token=at"]);
  });

  it("sends a User-Agent only when given one", () => {
    expect(strava().apiHeaders).toBeUndefined();
    expect(strava({ userAgent: "my-app/1.0" }).apiHeaders).toEqual({ "user-agent": "my-app/1.0" });
  });
});
