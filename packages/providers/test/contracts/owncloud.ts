import type { Contract } from "../contract.js";

export default {
  id: "owncloud",
  protocol: "oauth2",
  required: { host: "cloud.example.com" },
  authorizationUrl: "https://cloud.example.com/index.php/apps/oauth2/authorize",
  tokenUrl: "https://cloud.example.com/index.php/apps/oauth2/api/v1/token",
  apiBaseUrl: "https://cloud.example.com/",
  defaultScope: null,
  options: [[{ host: "https://example.com/owncloud" }, {}]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://github.com/owncloud/oauth2",
} satisfies Contract;
