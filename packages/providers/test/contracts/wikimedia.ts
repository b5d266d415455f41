import type { Contract } from "../contract.js";

export default {
  id: "wikimedia",
  protocol: "oauth2",
  authorizationUrl: "https://meta.wikimedia.org/w/rest.php/oauth2/authorize",
  tokenUrl: "https://meta.wikimedia.org/w/rest.php/oauth2/access_token",
  apiBaseUrl: "https://meta.wikimedia.org/w/",
  defaultScope: null,
  options: [[{ scope: ["basic", "editpage"] }, { scope: "basic editpage" }]],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
  docs: "https://www.mediawiki.org/wiki/Extension:OAuth",
} satisfies Contract;
