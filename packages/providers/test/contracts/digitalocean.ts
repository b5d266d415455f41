import type { Contract } from "../contract.js";

export default {
  id: "digitalocean",
  protocol: "oauth2",
  authorizationUrl: "https://cloud.digitalocean.com/v1/oauth/authorize",
  tokenUrl: "https://cloud.digitalocean.com/v1/oauth/token",
  // Flask-Dance's base_url is the OAuth server (https://cloud.digitalocean.com/v1/oauth); the API is here.
  apiBaseUrl: "https://api.digitalocean.com/v2/",
  defaultScope: null,
  options: [
    // Flask-Dance: commas in a scope string become spaces.
    [{ scope: "read,write" }, { scope: "read write" }],
    [{ scope: ["read", "write"] }, { scope: "read write" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "The token answer also carries `info` (the user's name, e-mail and uuid)." },
  docs: "https://docs.digitalocean.com/reference/api/oauth/",
} satisfies Contract;
