import { expect, it } from "vitest";
import { vimeo } from "../../src/vimeo.js";
import { recordingFetch, token } from "./_fetch.js";

// Vimeo has no RFC 7009 endpoint: the revoke hook deletes the token it is sent with.
it("revokes with DELETE https://api.vimeo.com/tokens and the token as Bearer", async () => {
  const { calls, fetch } = recordingFetch(204);
  await vimeo().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch });
  expect(calls.map((c) => ({ url: c.url, method: c.method, authorization: c.headers.get("authorization") }))).toEqual([{ url: "https://api.vimeo.com/tokens", method: "DELETE", authorization: "Bearer the-token" }]);
});

it("accepts a token that is already invalid, and reports other refusals", async () => {
  await expect(vimeo().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch: recordingFetch(401).fetch })).resolves.toBeUndefined();
  await expect(vimeo().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch: recordingFetch(500).fetch })).rejects.toThrow(/HTTP 500/);
});

it("sends Vimeo's versioned Accept header with the deletion", async () => {
  const { calls, fetch } = recordingFetch(204);
  await vimeo().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch });
  expect(calls[0]!.headers.get("accept")).toBe("application/vnd.vimeo.*+json;version=3.4");
});
