import type { Contract } from "../contract.js";

export default {
  id: "polar-sh",
  protocol: "oidc",
  authorizationUrl: "https://polar.sh/oauth2/authorize",
  tokenUrl: "https://api.polar.sh/v1/oauth2/token",
  apiBaseUrl: "https://api.polar.sh/v1/",
  defaultScope: "openid profile email",
  options: [
    [{}, { sub_type: "user" }],
    [{ subType: "organization" }, { sub_type: "organization" }],
    [{ scope: ["openid", "email", "orders:read"] }, { scope: "openid email orders:read" }],
  ],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Refresh tokens are long-lived (valid until revoked)." },
  docs: "https://docs.polar.sh/integrate/oauth2/connect",
} satisfies Contract;
