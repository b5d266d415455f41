import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link gitea}. */
export interface GiteaOptions<Id extends string = "gitea"> extends PresetOptions<Id> {
  /** The instance's ROOT_URL: a host name, or a base URL for an instance under a path. Default `gitea.com`. Codeberg: `codeberg.org`. */
  baseUrl?: string | undefined;
  /** Default `["read:user"]` (the REST API's `user`); `["openid", "profile", "email"]` for a verified id_token. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Gitea, and its fork Forgejo, on any instance: OAuth 2 with OpenID Connect, metadata pinned
 * from the instance's documented layout. Codeberg is a Forgejo instance, so it is this preset:
 * `gitea({ id: "codeberg", baseUrl: "codeberg.org" })` (env `CODEBERG_OAUTH_CLIENT_ID`).
 * The issuer is the ROOT_URL, which Gitea always ends with a slash.
 *
 * @example
 * ```ts
 * gitea({ baseUrl: "git.example.com", scope: ["openid", "profile", "email"] })
 * gitea({ id: "codeberg", baseUrl: "codeberg.org" }) // session.fetch("user")
 * ```
 * @see https://docs.gitea.com/development/oauth2-provider
 */
export function gitea<const Id extends string = "gitea">(options: GiteaOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { baseUrl = "gitea.com", ...common } = options;
  const base = instanceBase(baseUrl, "baseUrl");
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "gitea",
    name: "Gitea",
    issuer: `${base}/`,
    authorizationUrl: `${base}/login/oauth/authorize`,
    tokenUrl: `${base}/login/oauth/access_token`,
    jwksUrl: `${base}/login/oauth/keys`,
    userinfoUrl: `${base}/login/oauth/userinfo`,
    apiBaseUrl: `${base}/api/v1/`,
    scope: ["read:user"],
    refresh: true,
    facts: {
      docs: "https://docs.gitea.com/development/oauth2-provider",
      refresh: {
        refreshTokens: "yes",
        rotates: "unknown",
        expiresIn: "yes",
        notes: "Access tokens live 1 hour by default. A refresh answers a new refresh token; the old one stops working only where the admin set INVALIDATE_REFRESH_TOKENS.",
      },
    },
  });
}
