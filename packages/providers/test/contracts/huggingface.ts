import type { Contract } from "../contract.js";

export default {
  id: "huggingface",
  protocol: "oidc",
  authorizationUrl: "https://huggingface.co/oauth/authorize",
  tokenUrl: "https://huggingface.co/oauth/token",
  apiBaseUrl: "https://huggingface.co/api/",
  defaultScope: "openid profile",
  options: [
    [{}, { orgIds: null }],
    [{ orgIds: "org-123", scope: ["openid", "profile", "email", "read-repos"] }, { orgIds: "org-123", scope: "openid profile email read-repos" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "The metadata lists the refresh_token grant. Tokens of Spaces apps live 8 hours by default." },
  docs: "https://huggingface.co/docs/hub/oauth",
} satisfies Contract;
