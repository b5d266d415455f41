import type { Contract } from "../contract.js";

export default {
  id: "linkedin",
  protocol: "oidc",
  authorizationUrl: "https://www.linkedin.com/oauth/v2/authorization",
  tokenUrl: "https://www.linkedin.com/oauth/v2/accessToken",
  apiBaseUrl: "https://api.linkedin.com/v2/",
  defaultScope: null,
  options: [
    [{}, { nonce: null, code_challenge: null }],
    // Sign In with LinkedIn using OpenID Connect: no nonce (LinkedIn's id_tokens carry none).
    [{ scope: ["openid", "profile", "email"] }, { scope: "openid profile email", nonce: null }],
  ],
  // Flask-Dance: include_client_id (LinkedIn refuses HTTP Basic).
  clientAuth: "client_secret_post",
  refresh: {
    refreshTokens: "only for approved partners (programmatic refresh tokens)",
    rotates: "no",
    expiresIn: "yes",
    notes: "Access tokens live 60 days; most apps get no refresh token and send the user through the login again.",
  },
  docs: "https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow",
} satisfies Contract;
