import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";

/** Options of {@link github}. */
export interface GitHubOptions {
  /** Default `GITHUB_OAUTH_CLIENT_ID`. */
  clientId?: string;
  /** Default `GITHUB_OAUTH_CLIENT_SECRET`. */
  clientSecret?: string;
  /** GitHub scopes, e.g. `["read:user", "repo"]`. Default: none (public read-only access). */
  scope?: readonly string[] | string;
  /** `false` hides "Sign up" on GitHub's page (`allow_signup=false`). */
  allowSignup?: boolean;
  /** Suggest an account to sign in with (`login=`). */
  login?: string;
}

const hooks: ProviderHooks = {
  // GitHub answers token errors (bad_verification_code, …) with HTTP 200, as JSON or in its
  // default form encoding: make them the 400 they are, so the error event gets GitHub's words.
  tokenResponse: (answer) =>
    answer.status === 200 && typeof answer.body.error === "string" && answer.body.access_token === undefined ? { ...answer, status: 400 } : answer,
};

/**
 * GitHub (OAuth apps and GitHub apps' user tokens).
 * @see https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 */
export function github(options: GitHubOptions = {}): OAuth2ProviderDefinition<"github"> {
  return {
    protocol: "oauth2",
    id: "github",
    name: "GitHub",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    authorizationUrl: "https://github.com/login/oauth/authorize",
    tokenUrl: "https://github.com/login/oauth/access_token",
    apiBaseUrl: "https://api.github.com/",
    scope: options.scope,
    // GitHub documents the credentials as form fields of the token request.
    clientAuth: "client_secret_post",
    authorizationParams: { allow_signup: options.allowSignup === false ? "false" : undefined, login: options.login },
    hooks,
  };
}
