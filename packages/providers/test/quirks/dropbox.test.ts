/** Dropbox revokes a token with an RPC call authorised by the token itself, not RFC 7009. */
import { describe, expect, it } from "vitest";
import { dropbox } from "../../src/dropbox.js";

describe("dropbox revoke", () => {
  it("POSTs /2/auth/token/revoke with the token as Bearer and no body", async () => {
    const calls: Request[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(new Request(input, init));
      return new Response(null, { status: 200 });
    }) as typeof globalThis.fetch;
    await dropbox().hooks!.revoke!({ access_token: "sl.abc", token_type: "bearer" }, { clientId: "id", clientSecret: "secret", fetch });
    expect(calls.map((r) => [r.method, r.url, r.headers.get("authorization"), r.body])).toEqual([["POST", "https://api.dropboxapi.com/2/auth/token/revoke", "Bearer sl.abc", null]]);
  });

  it("reports a refusal", async () => {
    const fetch = (async () => new Response("{}", { status: 500 })) as typeof globalThis.fetch;
    await expect(dropbox().hooks!.revoke!({ access_token: "sl.abc", token_type: "bearer" }, { clientId: "id", clientSecret: "secret", fetch })).rejects.toThrow(/500/);
  });
});
