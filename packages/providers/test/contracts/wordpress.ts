import type { Contract } from "../contract.js";

export default {
  id: "wordpress",
  protocol: "oauth2",
  authorizationUrl: "https://public-api.wordpress.com/oauth2/authorize",
  tokenUrl: "https://public-api.wordpress.com/oauth2/token",
  apiBaseUrl: "https://public-api.wordpress.com/rest/v1.1/",
  defaultScope: "auth",
  options: [
    [{}, { blog: null }],
    [{ scope: [], blog: "example.wordpress.com" }, { scope: null, blog: "example.wordpress.com" }],
    [{ scope: ["global"] }, { scope: "global" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens of the code flow do not expire." },
  docs: "https://developer.wordpress.com/docs/oauth2/",
} satisfies Contract;
