import type { Contract } from "../contract.js";

export default {
  id: "basecamp",
  protocol: "oauth2",
  required: { userAgent: "Dance contract (dev@example.test)" },
  authorizationUrl: "https://launchpad.37signals.com/authorization/new",
  tokenUrl: "https://launchpad.37signals.com/authorization/token",
  apiBaseUrl: "https://3.basecampapi.com/",
  defaultScope: null,
  // Launchpad's own parameter: type=web_server.
  options: [[{}, { type: "web_server" }]],
  clientAuth: "client_secret_post",
  apiHeaders: { "user-agent": "Dance contract (dev@example.test)" },
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 weeks." },
  docs: "https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md",
} satisfies Contract;
