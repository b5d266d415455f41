import type { Contract } from "../contract.js";

export default {
  id: "nextcloud",
  protocol: "oauth2",
  required: { host: "cloud.example.com" },
  authorizationUrl: "https://cloud.example.com/index.php/apps/oauth2/authorize",
  tokenUrl: "https://cloud.example.com/index.php/apps/oauth2/api/v1/token",
  apiBaseUrl: "https://cloud.example.com/",
  defaultScope: null,
  options: [[{ host: "https://example.com/nextcloud" }, {}]],
  clientAuth: "client_secret_basic",
  apiHeaders: { "ocs-apirequest": "true" },
  refresh: { refreshTokens: "yes", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour; each refresh returns a new refresh token." },
  docs: "https://docs.nextcloud.com/server/latest/admin_manual/configuration_server/oauth2.html",
} satisfies Contract;
