import type { Contract } from "../contract.js";

export default {
  id: "kinde",
  protocol: "oidc",
  required: { domain: "myapp.kinde.com" },
  // Discovered from the issuer https://myapp.kinde.com.
  authorizationUrl: "https://myapp.kinde.com/oauth2/auth",
  tokenUrl: "https://myapp.kinde.com/oauth2/token",
  apiBaseUrl: "https://myapp.kinde.com/oauth2/",
  defaultScope: "openid profile email",
  options: [
    [{}, { prompt: null, login_hint: null, audience: null, org_code: null }],
    [{ prompt: "create", loginHint: "ada@example.com", audience: "https://api.example.com", orgCode: "org_1" }, { prompt: "create", login_hint: "ada@example.com", audience: "https://api.example.com", org_code: "org_1" }],
    [{ scope: ["openid", "offline"] }, { scope: "openid offline" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "with the offline scope", rotates: "unknown", expiresIn: "yes" },
  docs: "https://docs.kinde.com/",
} satisfies Contract;
