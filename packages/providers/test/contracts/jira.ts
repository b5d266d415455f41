import type { Contract } from "../contract.js";

export default {
  id: "jira",
  protocol: "oauth1",
  required: { baseUrl: "https://jira.example.com" },
  requestTokenUrl: "https://jira.example.com/plugins/servlet/oauth/request-token",
  authorizationUrl: "https://jira.example.com/plugins/servlet/oauth/authorize",
  accessTokenUrl: "https://jira.example.com/plugins/servlet/oauth/access-token",
  apiBaseUrl: "https://jira.example.com/",
  signatureMethod: "RSA-SHA1",
  env: { clientKey: "JIRA_OAUTH_CONSUMER_KEY", rsaKey: "JIRA_OAUTH_RSA_KEY" },
  credentialOptions: { clientKey: "consumerKey", rsaKey: "rsaKey" },
  options: [
    [{}, { params: {} }],
    // A Jira under a context path keeps it (Flask-Dance's RFC 3986 resolution would drop "jira").
    [{ baseUrl: "https://example.com/jira" }, { url: "https://example.com/jira/plugins/servlet/oauth/authorize", params: {} }],
    [{ baseUrl: "https://example.com/jira/" }, { url: "https://example.com/jira/plugins/servlet/oauth/authorize", params: {} }],
  ],
  // Flask-Dance's JsonOAuth1Session.
  apiHeaders: { "content-type": "application/json" },
  refresh: {
    refreshTokens: "no",
    rotates: "no",
    expiresIn: "no",
    notes: "OAuth 1.0a access tokens are not refreshed. Jira's are long-lived (years, a server setting) and end when the user revokes them: then log in again.",
  },
  docs: "https://developer.atlassian.com/server/jira/platform/oauth/",
} satisfies Contract;
