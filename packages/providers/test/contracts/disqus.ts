import type { Contract } from "../contract.js";

export default {
  id: "disqus",
  protocol: "oauth2",
  authorizationUrl: "https://disqus.com/api/oauth/2.0/authorize/",
  tokenUrl: "https://disqus.com/api/oauth/2.0/access_token/",
  apiBaseUrl: "https://disqus.com/api/3.0/",
  defaultScope: "read",
  // Disqus documents scope=read,write.
  options: [[{ scope: ["read", "email"] }, { scope: "read,email" }]],
  clientAuth: "client_secret_post",
  refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 30 days." },
  docs: "https://disqus.com/api/docs/auth/",
} satisfies Contract;
