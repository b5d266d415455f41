import { expect, it } from "vitest";
import { intuit } from "../../src/intuit.js";
import { recordingFetch } from "./_fetch.js";

const hooks = intuit().hooks!;

// QuickBooks API paths need the company id, which only the callback carries.
it("keeps the callback's realmId in the token", () => {
  expect(hooks.callbackExtras!(new URLSearchParams("code=c&state=s&realmId=4620816365031481150"))).toEqual({ realmId: "4620816365031481150" });
});

it("keeps nothing without a well-formed realmId", () => {
  expect(hooks.callbackExtras!(new URLSearchParams("code=c&state=s"))).toBeUndefined();
  expect(hooks.callbackExtras!(new URLSearchParams("code=c&state=s&realmId=<script>"))).toBeUndefined();
});

// Intuit's revocation endpoint takes JSON with HTTP Basic, not an RFC 7009 form.
it("revokes the refresh token with a JSON body and HTTP Basic", async () => {
  const { calls, fetch } = recordingFetch(200, "");
  await hooks.revoke!({ access_token: "at", refresh_token: "rt", token_type: "bearer" }, { clientId: "id", clientSecret: "secret", fetch });
  expect(calls).toHaveLength(1);
  expect(calls[0]!.url).toBe("https://developer.api.intuit.com/v2/oauth2/tokens/revoke");
  expect(calls[0]!.headers.get("authorization")).toBe(`Basic ${btoa("id:secret")}`);
  expect(calls[0]!.headers.get("content-type")).toBe("application/json");
  expect(JSON.parse(calls[0]!.body)).toEqual({ token: "rt" });
  await expect(hooks.revoke!({ access_token: "at", token_type: "bearer" }, { clientId: "id", clientSecret: "secret", fetch: recordingFetch(400).fetch })).rejects.toThrow(/HTTP 400/);
});

it("moves only the API and userinfo hosts for the sandbox", () => {
  const live = intuit();
  const sandbox = intuit({ sandbox: true });
  expect([sandbox.apiBaseUrl, sandbox.userinfoUrl]).toEqual(["https://sandbox-quickbooks.api.intuit.com/v3/", "https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo"]);
  expect([sandbox.authorizationUrl, sandbox.tokenUrl, sandbox.issuer, sandbox.jwksUrl]).toEqual([live.authorizationUrl, live.tokenUrl, live.issuer, live.jwksUrl]);
});
