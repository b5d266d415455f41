import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link github}. */
export interface GitHubOptions<Id extends string = "github"> extends PresetOptions<Id> {
  /** GitHub scopes, e.g. `["read:user", "repo"]`. Default: none (public read-only access). */
  scope?: readonly string[] | string | undefined;
  /** `false` hides "Sign up" on GitHub's page (`allow_signup=false`). */
  allowSignup?: boolean | undefined;
  /** Suggest an account to sign in with (`login=`). */
  login?: string | undefined;
}

const hooks: ProviderHooks = {
  // GitHub answers token errors (bad_verification_code, …) with HTTP 200, as JSON or in its
  // default form encoding: make them the 400 they are, so the error event gets GitHub's words.
  tokenResponse: (answer) =>
    answer.status === 200 && typeof answer.body.error === "string" && answer.body.access_token === undefined ? { ...answer, status: 400 } : answer,
  // GitHub has no RFC 7009 endpoint: the app deletes the user's grant (every token of it) with its own credentials.
  // https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-authorization
  async revoke(token, { clientId, clientSecret, fetch }) {
    const response = await fetch(`https://api.github.com/applications/${encodeURIComponent(clientId)}/grant`, {
      method: "DELETE",
      headers: {
        authorization: `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${clientId}:${clientSecret ?? ""}`)))}`,
        accept: "application/vnd.github+json",
        "content-type": "application/json",
        "x-github-api-version": "2022-11-28",
      },
      body: JSON.stringify({ access_token: token.access_token }),
    });
    await response.body?.cancel();
    if (response.status !== 204 && response.status !== 404) throw new Error(`GitHub answered HTTP ${response.status} to the grant deletion`);
  },
};

/**
 * GitHub (OAuth apps, and GitHub apps' user tokens).
 *
 * @example
 * ```ts
 * createDance({ secret, providers: [github({ scope: ["read:user"] })] }); // GITHUB_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 */
export function github<const Id extends string = "github">(options: GitHubOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { allowSignup, login, ...common } = options;
  return preset(common, {
    protocol: "oauth2",
    id: "github",
    name: "GitHub",
    authorizationUrl: "https://github.com/login/oauth/authorize",
    tokenUrl: "https://github.com/login/oauth/access_token",
    apiBaseUrl: "https://api.github.com/",
    // GitHub documents the credentials as form fields of the token request.
    clientAuth: "client_secret_post",
    // Only GitHub Apps with expiring user tokens get refresh tokens; OAuth apps' tokens do not expire.
    refresh: true,
    authorizationParams: { allow_signup: allowSignup === false ? "false" : undefined, login },
    hooks,
    facts: {
      docs: "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
      refresh: { refreshTokens: "GitHub Apps with expiring user tokens", rotates: "yes", expiresIn: "GitHub Apps only", notes: "OAuth app tokens do not expire; GitHub App user tokens live 8 hours, refresh tokens 6 months." },
      tokenErrorStatus: 200,
    },
  });
}
