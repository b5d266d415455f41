import { describe, expect, it } from "vitest";
import { tiktok } from "../../src/tiktok.js";

describe("tiktok", () => {
  const { authorizationRequest, tokenRequest } = tiktok().hooks!;

  it("names the client id client_key on the authorization, and joins scopes with commas", () => {
    const url = new URL("https://www.tiktok.com/v2/auth/authorize/?client_id=ck&scope=user.info.basic+video.list&state=s");
    authorizationRequest!(url, { clientId: "ck" });
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: "ck", client_key: "ck", scope: "user.info.basic,video.list", state: "s" });
  });

  it("sends client_key with the secret on every token endpoint request (exchange, refresh, revocation)", async () => {
    for (const grant of ["grant_type=authorization_code&code=c", "grant_type=refresh_token&refresh_token=r", "token=t"]) {
      const body = new URLSearchParams(`${grant}&client_id=ck&client_secret=s`);
      await tokenRequest!(body, new Headers(), { clientId: "ck" });
      expect(body.get("client_key")).toBe("ck");
      expect(body.get("client_secret")).toBe("s");
    }
  });
});
