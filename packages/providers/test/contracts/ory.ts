import type { Contract } from "../contract.js";

export default {
  id: "ory",
  protocol: "oidc",
  required: { baseUrl: "https://my-project.projects.oryapis.com" },
  // Discovered from the issuer https://my-project.projects.oryapis.com.
  authorizationUrl: "https://my-project.projects.oryapis.com/oauth2/auth",
  tokenUrl: "https://my-project.projects.oryapis.com/oauth2/token",
  apiBaseUrl: "https://my-project.projects.oryapis.com/",
  defaultScope: "openid",
  options: [
    [{ scope: ["openid", "offline_access"] }, { scope: "openid offline_access" }],
    [{ issuer: "https://my-project.projects.oryapis.com/" }, {}],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 1 hour by default." },
  docs: "https://www.ory.sh/docs/oauth2-oidc/authorization-code-flow",
} satisfies Contract;
