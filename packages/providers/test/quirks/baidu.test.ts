import { describe, expect, it } from "vitest";
import { baidu } from "../../src/baidu.js";

describe("baidu", () => {
  const { apiRequest } = baidu().hooks!;
  const token = { access_token: "21.abc", token_type: "bearer" };

  it("puts the token in the access_token query parameter of API calls, as Baidu documents", async () => {
    const request = await apiRequest!(new Request("https://openapi.baidu.com/rest/2.0/passport/users/getInfo?fields=x"), { token, clientId: "id" });
    expect(new URL(request.url).searchParams.get("access_token")).toBe("21.abc");
    expect(new URL(request.url).searchParams.get("fields")).toBe("x");
  });

  it("keeps a POST's method and body, and an access_token the app set itself", async () => {
    const posted = await apiRequest!(new Request("https://openapi.baidu.com/rest/2.0/x", { method: "POST", body: "a=1" }), { token, clientId: "id" });
    expect([posted.method, await posted.text()]).toEqual(["POST", "a=1"]);
    const own = new Request("https://openapi.baidu.com/rest/2.0/x?access_token=other");
    expect(await apiRequest!(own, { token, clientId: "id" })).toBe(own);
  });
});
