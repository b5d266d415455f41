/** Per-tenant presets: the issuer each derives from its options, and a clear error when one is missing. */
import { describe, expect, it } from "vitest";
import { auth0 } from "../../src/auth0.js";
import { authentik } from "../../src/authentik.js";
import { cognito } from "../../src/cognito.js";
import { keycloak } from "../../src/keycloak.js";
import { salesforce } from "../../src/salesforce.js";

describe("issuers of per-tenant presets", () => {
  it("take the exact strings the providers' discovery documents name", () => {
    expect(auth0({ domain: "dev-abc123.us.auth0.com" }).issuer).toBe("https://dev-abc123.us.auth0.com/");
    expect(authentik({ host: "sso.example.com", slug: "my app" }).issuer).toBe("https://sso.example.com/application/o/my%20app/");
    expect(keycloak({ baseUrl: "https://example.com/auth/", realm: "acme" }).issuer).toBe("https://example.com/auth/realms/acme");
    expect(salesforce({ isSandbox: true }).issuer).toBe("https://test.salesforce.com");
  });

  it("derive Cognito's region from the user pool id", () => {
    expect(cognito({ userPoolId: "ap-southeast-2_AbC123" }).issuer).toBe("https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_AbC123");
    expect(cognito({ userPoolId: "us-gov-west-1_AbC123" }).issuer).toBe("https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_AbC123");
    expect(() => cognito({ userPoolId: "AbC123" })).toThrow(TypeError);
  });

  it("refuse to be made without their tenant", () => {
    const missing = {} as never;
    for (const make of [auth0, keycloak, authentik, cognito]) expect(() => make(missing), make.name).toThrow(TypeError);
  });
});
