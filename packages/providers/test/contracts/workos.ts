import type { Contract } from "../contract.js";

export default {
  id: "workos",
  protocol: "oauth2",
  authorizationUrl: "https://api.workos.com/sso/authorize",
  tokenUrl: "https://api.workos.com/sso/token",
  apiBaseUrl: "https://api.workos.com/",
  defaultScope: null,
  options: [
    [{}, { connection: null, organization: null, provider: null }],
    [
      { connection: "conn_1", organization: "org_1", provider: "GoogleOAuth", loginHint: "ada@example.com", domainHint: "example.com" },
      { connection: "conn_1", organization: "org_1", provider: "GoogleOAuth", login_hint: "ada@example.com", domain_hint: "example.com" },
    ],
  ],
  // The client secret is the WorkOS API key, as a form field.
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "The token answer carries the user's profile." },
  docs: "https://workos.com/docs/reference/sso",
} satisfies Contract;
