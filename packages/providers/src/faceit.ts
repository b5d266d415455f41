import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link faceit}. */
export interface FaceitOptions<Id extends string = "faceit"> extends PresetOptions<Id> {
  /** Default `["openid", "profile", "email"]` (nickname, e-mail, `guid` and avatar from the userinfo). */
  scope?: readonly string[] | string | undefined;
}

const hooks: ProviderHooks = {
  // FACEIT's issuer and keys cannot be pinned, so this preset is OAuth 2: drop the id_token `openid` brings.
  tokenResponse(answer) {
    if (!("id_token" in answer.body)) return answer;
    const { id_token: _, ...body } = answer.body;
    return { ...answer, body };
  },
};

/**
 * FACEIT Connect. Its authorization URL already carries `redirect_popup=true` (Dance keeps
 * it), the token endpoint wants HTTP Basic, and PKCE is supported. The user is
 * `session.fetch("resources/userinfo")`; its id is `guid`. The preset is OAuth 2 (FACEIT's
 * issuer and keys are not documented where they could be pinned): the id_token that
 * `openid` brings is dropped.
 *
 * @example
 * ```ts
 * faceit() // FACEIT_OAUTH_CLIENT_ID / _SECRET
 * ```
 * @see https://docs.faceit.com/getting-started/authentication/oauth2
 */
export function faceit<const Id extends string = "faceit">(options: FaceitOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "faceit",
    name: "FACEIT",
    authorizationUrl: "https://accounts.faceit.com/accounts?redirect_popup=true",
    tokenUrl: "https://api.faceit.com/auth/v1/oauth/token",
    apiBaseUrl: "https://api.faceit.com/auth/v1/",
    scope: ["openid", "profile", "email"],
    clientAuth: "client_secret_basic",
    // Used when FACEIT sends a refresh token; its docs do not say.
    refresh: true,
    hooks,
    facts: {
      docs: "https://docs.faceit.com/getting-started/authentication/oauth2",
      refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
