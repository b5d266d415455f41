import type { Contract } from "../contract.js";

export default {
  id: "cognito",
  protocol: "oidc",
  required: { userPoolId: "us-east-1_AbCdEf123" },
  // Discovered from https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123: the endpoints of the pool's domain.
  authorizationUrl: "https://example.auth.us-east-1.amazoncognito.com/oauth2/authorize",
  tokenUrl: "https://example.auth.us-east-1.amazoncognito.com/oauth2/token",
  apiBaseUrl: "https://example.auth.us-east-1.amazoncognito.com/oauth2/",
  defaultScope: "openid email profile",
  options: [
    [{}, { identity_provider: null, idp_identifier: null, lang: null }],
    [{ identityProvider: "Google", idpIdentifier: "example.com", lang: "de" }, { identity_provider: "Google", idp_identifier: "example.com", lang: "de" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: {
    refreshTokens: "yes",
    rotates: "unknown",
    expiresIn: "yes",
    notes: "Access tokens live 1 hour and refresh tokens 30 days by default; rotation is an app-client setting.",
  },
  docs: "https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html",
} satisfies Contract;
