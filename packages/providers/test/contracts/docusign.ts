import type { Contract } from "../contract.js";

export default {
  id: "docusign",
  protocol: "oauth2",
  authorizationUrl: "https://account.docusign.com/oauth/auth",
  tokenUrl: "https://account.docusign.com/oauth/token",
  apiBaseUrl: "https://account.docusign.com/oauth/",
  defaultScope: "signature",
  options: [
    [{}, { prompt: null }],
    [{ prompt: "login" }, { prompt: "login" }],
    [{ demo: true, scope: ["signature", "extended"] }, { scope: "signature extended" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 8 hours, refresh tokens about 30 days; the `extended` scope renews the refresh token's life on each use." },
  docs: "https://developers.docusign.com/platform/auth/reference",
} satisfies Contract;
