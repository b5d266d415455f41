import { describe, expect, it } from "vitest";
import { adobe, adobeHooks } from "../../src/adobe.js";
import { loginScope } from "./_login.js";

describe("adobe quirks", () => {
  it("sends the scope list comma-separated, as Adobe IMS documents it", async () => {
    expect(await loginScope(adobe({ scope: ["openid", "AdobeID", "offline_access"] }))).toBe("openid,AdobeID,offline_access");
  });

  it("adds x-api-key (the client id) to API calls, keeping one the app set", async () => {
    const token = { access_token: "at", token_type: "bearer" };
    const added = await adobeHooks.apiRequest!(new Request("https://ims-na1.adobelogin.com/ims/userinfo/v2"), { token, clientId: "id" });
    expect(added.headers.get("x-api-key")).toBe("id");
    const kept = await adobeHooks.apiRequest!(new Request("https://x.test/", { headers: { "x-api-key": "other" } }), { token, clientId: "id" });
    expect(kept.headers.get("x-api-key")).toBe("other");
  });
});
