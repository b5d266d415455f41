import type { Contract } from "../contract.js";

export default {
  id: "polar",
  protocol: "oauth2",
  authorizationUrl: "https://flow.polar.com/oauth2/authorization",
  tokenUrl: "https://polarremote.com/v2/oauth2/token",
  apiBaseUrl: "https://www.polaraccesslink.com/v3/",
  defaultScope: "accesslink.read_all",
  options: [[{ scope: [] }, { scope: null }]],
  clientAuth: "client_secret_basic",
  apiHeaders: { accept: "application/json" },
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes", notes: "Access tokens are long-lived; when one lapses the user authorizes again." },
  docs: "https://www.polar.com/accesslink-api/",
} satisfies Contract;
