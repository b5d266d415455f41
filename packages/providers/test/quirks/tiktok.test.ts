import { describe, expect, it } from "vitest";
import { tiktok } from "../../src/tiktok.js";
import { loginUrl } from "./_login.js";

describe("tiktok", () => {
  const { tokenRequest } = tiktok().hooks!;

  it("names the client id client_key on the authorization, and joins scopes with commas", async () => {
    const query = (await loginUrl(tiktok({ scope: ["user.info.basic", "video.list"] }))).searchParams;
    expect([query.get("client_id"), query.get("client_key"), query.get("scope")]).toEqual(["id", "id", "user.info.basic,video.list"]);
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
