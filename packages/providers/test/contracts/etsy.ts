import type { Contract } from "../contract.js";

export default {
  id: "etsy",
  protocol: "oauth2",
  required: { sharedSecret: "the-shared-secret" },
  authorizationUrl: "https://www.etsy.com/oauth/connect",
  tokenUrl: "https://api.etsy.com/v3/public/oauth/token",
  apiBaseUrl: "https://openapi.etsy.com/v3/application/",
  defaultScope: "shops_r",
  options: [[{ scope: ["shops_r", "email_r"] }, { scope: "shops_r email_r" }]],
  // Public-client token requests: client_id and the PKCE verifier, no secret.
  clientAuth: "none",
  apiHeaders: { "x-api-key": "the-id:the-shared-secret" },
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour; refresh tokens about 90 days." },
  docs: "https://developers.etsy.com/documentation/essentials/authentication/",
} satisfies Contract;
