import { describe, expect, it } from "vitest";
import { gitea } from "../../src/gitea.js";

describe("gitea", () => {
  it("is Codeberg (a Forgejo instance) under another id, with the instance's ROOT_URL as issuer", () => {
    const codeberg = gitea({ id: "codeberg", baseUrl: "codeberg.org" });
    expect(codeberg).toMatchObject({
      id: "codeberg",
      issuer: "https://codeberg.org/",
      authorizationUrl: "https://codeberg.org/login/oauth/authorize",
      tokenUrl: "https://codeberg.org/login/oauth/access_token",
      jwksUrl: "https://codeberg.org/login/oauth/keys",
      userinfoUrl: "https://codeberg.org/login/oauth/userinfo",
      apiBaseUrl: "https://codeberg.org/api/v1/",
    });
  });

  it("keeps an instance's path prefix, and the issuer's trailing slash (Gitea's ROOT_URL always has one)", () => {
    const def = gitea({ baseUrl: "https://example.com/git/" });
    expect(def.issuer).toBe("https://example.com/git/");
    expect(def.tokenUrl).toBe("https://example.com/git/login/oauth/access_token");
  });
});
