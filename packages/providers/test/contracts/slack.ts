import type { Contract } from "../contract.js";

export default {
  id: "slack",
  protocol: "oauth2",
  // Slack's OAuth v2 install flow; Flask-Dance uses the classic-app flow (classic: true).
  authorizationUrl: "https://slack.com/oauth/v2/authorize",
  tokenUrl: "https://slack.com/api/oauth.v2.access",
  apiBaseUrl: "https://slack.com/api/",
  flaskDance: { authorizationUrl: "https://slack.com/oauth/authorize", tokenUrl: "https://slack.com/api/oauth.access" },
  defaultScope: "chat:write",
  options: [
    [{}, { user_scope: null, team: null }],
    // Slack documents comma-separated scopes in the v2 flow.
    [{ scope: ["chat:write", "channels:read"], userScope: ["search:read", "users:read"], team: "T0123" }, { scope: "chat:write,channels:read", user_scope: "search:read,users:read", team: "T0123" }],
    [{ classic: true }, { scope: "identify chat:write:bot" }],
    [{ subdomain: "acme" }, { scope: "chat:write" }],
  ],
  clientAuth: "client_secret_basic",
  refresh: { refreshTokens: "with token rotation enabled for the app", rotates: "yes", expiresIn: "with token rotation", notes: "Without rotation tokens do not expire; with it they live 12 hours." },
  docs: "https://docs.slack.dev/authentication/installing-with-oauth",
} satisfies Contract;
