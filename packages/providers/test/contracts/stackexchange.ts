import type { Contract } from "../contract.js";

export default {
  id: "stackexchange",
  protocol: "oauth2",
  authorizationUrl: "https://stackoverflow.com/oauth",
  tokenUrl: "https://stackoverflow.com/oauth/access_token/json",
  apiBaseUrl: "https://api.stackexchange.com/2.3/",
  defaultScope: null,
  options: [[{ scope: ["private_info", "no_expiry"] }, { scope: "private_info no_expiry" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "yes (as `expires`), unless the scope has no_expiry" },
  docs: "https://api.stackexchange.com/docs/authentication",
} satisfies Contract;
