import type { Contract } from "../contract.js";

export default {
  id: "orcid",
  protocol: "oidc",
  // ORCID's discovery document (https://orcid.org/.well-known/openid-configuration) lists these.
  authorizationUrl: "https://orcid.org/oauth/authorize",
  tokenUrl: "https://orcid.org/oauth/token",
  // Flask-Dance's base_url is https://api.orcid.org (no version).
  apiBaseUrl: "https://api.orcid.org/v3.0/",
  defaultScope: null,
  options: [
    [{ sandbox: true }, {}],
    [{ scope: ["openid"] }, { scope: "openid" }],
  ],
  clientAuth: "client_secret_basic",
  apiHeaders: { accept: "application/json" },
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens are long-lived (about 20 years)." },
  docs: "https://info.orcid.org/documentation/api-tutorials/api-tutorial-get-and-authenticated-orcid-id/",
} satisfies Contract;
