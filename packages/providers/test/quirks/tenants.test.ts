/** Per-tenant presets: the issuer each derives from its options, and a clear error when one is missing. */
import { describe, expect, it } from "vitest";
import { auth0 } from "../../src/auth0.js";
import { casdoor } from "../../src/casdoor.js";
import { clerk } from "../../src/clerk.js";
import { descope } from "../../src/descope.js";
import { fusionauth } from "../../src/fusionauth.js";
import { kinde } from "../../src/kinde.js";
import { logto } from "../../src/logto.js";
import { ory } from "../../src/ory.js";
import { zitadel } from "../../src/zitadel.js";
import { authentik } from "../../src/authentik.js";
import { cognito } from "../../src/cognito.js";
import { keycloak } from "../../src/keycloak.js";
import { onelogin } from "../../src/onelogin.js";
import { pingone } from "../../src/pingone.js";
import { salesforce } from "../../src/salesforce.js";

describe("issuers of per-tenant presets", () => {
  it("take the exact strings the providers' discovery documents name", () => {
    expect(auth0({ domain: "dev-abc123.us.auth0.com" }).issuer).toBe("https://dev-abc123.us.auth0.com/");
    expect(authentik({ host: "sso.example.com", slug: "my app" }).issuer).toBe("https://sso.example.com/application/o/my%20app/");
    expect(keycloak({ baseUrl: "https://example.com/auth/", realm: "acme" }).issuer).toBe("https://example.com/auth/realms/acme");
    expect(onelogin({ subdomain: "acme" }).issuer).toBe("https://acme.onelogin.com/oidc/2");
    expect(pingone({ region: "au", environmentId: "a1b2c3d4-0000-4000-8000-000000000001" }).issuer).toBe("https://auth.pingone.com.au/a1b2c3d4-0000-4000-8000-000000000001/as");
    expect(logto({ endpoint: "https://abc123.logto.app/" }).issuer).toBe("https://abc123.logto.app/oidc");
    expect(descope({ projectId: "P2abc" }).issuer).toBe("https://api.descope.com/P2abc");
    expect(ory({ baseUrl: "http://127.0.0.1:4444", issuer: "http://127.0.0.1:4444/" }).issuer).toBe("http://127.0.0.1:4444/");
    expect(salesforce({ isSandbox: true }).issuer).toBe("https://test.salesforce.com");
  });

  it("derive Cognito's region from the user pool id", () => {
    expect(cognito({ userPoolId: "ap-southeast-2_AbC123" }).issuer).toBe("https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_AbC123");
    expect(cognito({ userPoolId: "us-gov-west-1_AbC123" }).issuer).toBe("https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_AbC123");
    expect(() => cognito({ userPoolId: "AbC123" })).toThrow(TypeError);
  });

  it("refuse to be made without their tenant", () => {
    const missing = {} as never;
    for (const make of [auth0, keycloak, authentik, cognito, zitadel, fusionauth, onelogin, pingone, clerk, descope, kinde, logto, casdoor, ory]) expect(() => make(missing), make.name).toThrow(TypeError);
    expect(() => pingone({ environmentId: "a1b2c3d4", region: "xx" as "na" })).toThrow(TypeError);
  });
});
