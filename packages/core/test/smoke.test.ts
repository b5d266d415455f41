import { describe, expect, it } from "vitest";
import { createDance } from "@dance/core";
import { github } from "@dance/providers/github";

describe("smoke", () => {
  it("redirects to GitHub with state and S256", async () => {
    const dance = createDance({ secret: "x".repeat(32), providers: [github({ clientId: "id", clientSecret: "s" })] });
    const res = await dance.handler(new Request("http://localhost:3000/login/github"));
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get("location")!);
    expect(url.origin + url.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(res.headers.getSetCookie()[0]).toMatch(/^dance-tx-github=d1\./);
  });
});
