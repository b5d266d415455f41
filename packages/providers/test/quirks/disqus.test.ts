import { describe, expect, it } from "vitest";
import { disqus, disqusHooks } from "../../src/disqus.js";
import { loginScope } from "./_login.js";

describe("disqus quirks", () => {
  it("sends the permissions comma-separated", async () => {
    expect(await loginScope(disqus({ scope: ["read", "write"] }))).toBe("read,write");
  });

  it("puts the token and the public key in the query of API calls", async () => {
    const request = await disqusHooks.apiRequest!(new Request("https://disqus.com/api/3.0/users/details.json"), { token: { access_token: "at", token_type: "bearer" }, clientId: "public-key" });
    const url = new URL(request.url);
    expect([url.searchParams.get("access_token"), url.searchParams.get("api_key")]).toEqual(["at", "public-key"]);
  });
});
