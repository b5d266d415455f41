import type { Contract } from "../contract.js";

export default {
  id: "linear",
  protocol: "oauth2",
  authorizationUrl: "https://linear.app/oauth/authorize",
  tokenUrl: "https://api.linear.app/oauth/token",
  apiBaseUrl: "https://api.linear.app/",
  defaultScope: "read",
  options: [
    [{}, { actor: null, prompt: null }],
    [{ actor: "app", prompt: "consent" }, { actor: "app", prompt: "consent" }],
    // Linear's docs: a comma-separated list.
    [{ scope: ["read", "write", "issues:create"] }, { scope: "read,write,issues:create" }],
  ],
  clientAuth: "client_secret_post",
  refresh: {
    refreshTokens: "yes",
    rotates: "yes",
    expiresIn: "yes",
    notes: "Access tokens live 24 hours. Apps created from 1 October 2025 get refresh tokens; every app does from 1 April 2026.",
  },
  docs: "https://linear.app/developers/oauth-2-0-authentication",
} satisfies Contract;
