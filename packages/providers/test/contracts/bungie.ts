import type { Contract } from "../contract.js";

export default {
  id: "bungie",
  protocol: "oauth2",
  required: { apiKey: "the-api-key" },
  authorizationUrl: "https://www.bungie.net/en/OAuth/Authorize",
  tokenUrl: "https://www.bungie.net/Platform/App/OAuth/token/",
  apiBaseUrl: "https://www.bungie.net/Platform/",
  // Bungie wants no scope parameter: scopes are fixed at registration.
  defaultScope: null,
  options: [
    [{}, { reauth: null }],
    [{ reauth: true }, { reauth: "true" }],
  ],
  clientAuth: "client_secret_basic",
  apiHeaders: { "x-api-key": "the-api-key" },
  refresh: { refreshTokens: "confidential clients only", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about an hour; the answer adds refresh_expires_in and membership_id." },
  docs: "https://github.com/Bungie-net/api/wiki/OAuth-Documentation",
} satisfies Contract;
