import { expect, it } from "vitest";
import { osu } from "../../src/osu.js";
import { recordingFetch, token } from "./_fetch.js";

// osu! has no RFC 7009 endpoint: the revoke hook deletes the token it is sent with.
it("revokes with DELETE https://osu.ppy.sh/api/v2/oauth/tokens/current and the token as Bearer", async () => {
  const { calls, fetch } = recordingFetch(204);
  await osu().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch });
  expect(calls.map((c) => ({ url: c.url, method: c.method, authorization: c.headers.get("authorization") }))).toEqual([{ url: "https://osu.ppy.sh/api/v2/oauth/tokens/current", method: "DELETE", authorization: "Bearer the-token" }]);
});

it("accepts a token that is already invalid, and reports other refusals", async () => {
  await expect(osu().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch: recordingFetch(401).fetch })).resolves.toBeUndefined();
  await expect(osu().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch: recordingFetch(500).fetch })).rejects.toThrow(/HTTP 500/);
});
