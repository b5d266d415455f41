import type { Contract } from "../contract.js";

export default {
  id: "dialpad",
  protocol: "oauth2",
  authorizationUrl: "https://dialpad.com/oauth2/authorize",
  tokenUrl: "https://dialpad.com/oauth2/token",
  apiBaseUrl: "https://dialpad.com/api/v2/",
  defaultScope: null,
  options: [[{ scope: ["recordings_export"] }, { scope: "recordings_export" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "unknown", notes: "Dialpad's docs read for this preset do not say." },
  docs: "https://developers.dialpad.com/docs/oauth",
} satisfies Contract;
