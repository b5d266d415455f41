import { expect, it } from "vitest";
import { lichess } from "../../src/lichess.js";
import { recordingFetch, token } from "./_fetch.js";

// Lichess has no RFC 7009 endpoint: the revoke hook deletes the token it is sent with.
it("revokes with DELETE https://lichess.org/api/token and the token as Bearer", async () => {
  const { calls, fetch } = recordingFetch(204);
  await lichess().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch });
  expect(calls.map((c) => ({ url: c.url, method: c.method, authorization: c.headers.get("authorization") }))).toEqual([{ url: "https://lichess.org/api/token", method: "DELETE", authorization: "Bearer the-token" }]);
});

it("accepts a token that is already invalid, and reports other refusals", async () => {
  await expect(lichess().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch: recordingFetch(401).fetch })).resolves.toBeUndefined();
  await expect(lichess().hooks!.revoke!(token, { clientId: "id", clientSecret: "secret", fetch: recordingFetch(500).fetch })).rejects.toThrow(/HTTP 500/);
});
