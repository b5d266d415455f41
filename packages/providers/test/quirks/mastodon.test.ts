import { describe, expect, it } from "vitest";
import { mastodon } from "../../src/mastodon.js";

describe("mastodon", () => {
  it("is per server: the endpoints follow the instance, and the instance is required", () => {
    expect(mastodon({ id: "fosstodon", instance: "https://fosstodon.org/" })).toMatchObject({
      id: "fosstodon",
      authorizationUrl: "https://fosstodon.org/oauth/authorize",
      tokenUrl: "https://fosstodon.org/oauth/token",
      revocationUrl: "https://fosstodon.org/oauth/revoke",
      apiBaseUrl: "https://fosstodon.org/api/",
    });
    expect(() => mastodon({} as never)).toThrow(/instance/);
  });
});
