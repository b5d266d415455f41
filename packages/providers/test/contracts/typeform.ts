import type { Contract } from "../contract.js";

export default {
  id: "typeform",
  protocol: "oauth2",
  authorizationUrl: "https://api.typeform.com/oauth/authorize",
  tokenUrl: "https://api.typeform.com/oauth/token",
  apiBaseUrl: "https://api.typeform.com/",
  defaultScope: "accounts:read",
  options: [
    [{ scope: ["accounts:read", "forms:read", "offline"] }, { scope: "accounts:read forms:read offline" }],
    [{ eu: true }, { scope: "accounts:read" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "with the offline scope", rotates: "unknown", expiresIn: "yes" },
  docs: "https://www.typeform.com/developers/get-started/applications/",
} satisfies Contract;
