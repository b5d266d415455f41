import type { Contract } from "../contract.js";

export default {
  id: "osu",
  protocol: "oauth2",
  authorizationUrl: "https://osu.ppy.sh/oauth/authorize",
  tokenUrl: "https://osu.ppy.sh/oauth/token",
  apiBaseUrl: "https://osu.ppy.sh/api/v2/",
  defaultScope: "identify",
  options: [[{ scope: ["identify", "public"] }, { scope: "identify public" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live about a day." },
  docs: "https://osu.ppy.sh/docs/index.html#authorization-code-grant",
} satisfies Contract;
