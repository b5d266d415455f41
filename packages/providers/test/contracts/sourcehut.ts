import type { Contract } from "../contract.js";

export default {
  id: "sourcehut",
  protocol: "oauth2",
  authorizationUrl: "https://meta.sr.ht/oauth2/authorize",
  tokenUrl: "https://meta.sr.ht/oauth2/access-token",
  apiBaseUrl: "https://meta.sr.ht/",
  defaultScope: "meta.sr.ht/PROFILE:RO",
  options: [
    [{ hostname: "meta.sr.example.org" }, {}],
    [{ scope: ["meta.sr.ht/PROFILE:RO", "git.sr.ht/REPOSITORIES:RO"] }, { scope: "meta.sr.ht/PROFILE:RO git.sr.ht/REPOSITORIES:RO" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "not documented", rotates: "unknown", expiresIn: "not documented" },
  docs: "https://man.sr.ht/meta.sr.ht/oauth.md",
} satisfies Contract;
