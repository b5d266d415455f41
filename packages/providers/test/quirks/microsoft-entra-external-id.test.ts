import { describe, expect, it } from "vitest";
import { microsoftEntraExternalId } from "../../src/microsoft-entra-external-id.js";

describe("microsoft-entra-external-id", () => {
  const tenantId = "7D3B9F7E-0000-4000-8000-000000000001";

  it("names the tenant id as the issuer's host, also when the sign-in pages are on the subdomain", () => {
    const def = microsoftEntraExternalId({ tenantId, subdomain: "Contoso" });
    expect(def.issuer).toBe("https://7d3b9f7e-0000-4000-8000-000000000001.ciamlogin.com/7d3b9f7e-0000-4000-8000-000000000001/v2.0");
    expect(def.authorizationUrl).toBe("https://contoso.ciamlogin.com/7d3b9f7e-0000-4000-8000-000000000001/oauth2/v2.0/authorize");
    expect(def.jwksUrl).toBe("https://contoso.ciamlogin.com/7d3b9f7e-0000-4000-8000-000000000001/discovery/v2.0/keys");
    expect(microsoftEntraExternalId({ tenantId }).tokenUrl).toBe("https://7d3b9f7e-0000-4000-8000-000000000001.ciamlogin.com/7d3b9f7e-0000-4000-8000-000000000001/oauth2/v2.0/token");
  });

  it("refuses a missing or non-GUID tenant id, and a subdomain that is not one label", () => {
    expect(() => microsoftEntraExternalId({} as never)).toThrow(TypeError);
    expect(() => microsoftEntraExternalId({ tenantId: "contoso.onmicrosoft.com" })).toThrow(TypeError);
    expect(() => microsoftEntraExternalId({ tenantId, subdomain: "contoso.ciamlogin.com" })).toThrow(TypeError);
  });

  it("refreshes only with offline_access", () => {
    expect(microsoftEntraExternalId({ tenantId }).refresh).toBe(false);
    expect(microsoftEntraExternalId({ tenantId, scope: "openid offline_access" }).refresh).toBe(true);
  });
});
