import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link mastodon}. */
export interface MastodonOptions<Id extends string = "mastodon"> extends PresetOptions<Id> {
  /** The server, e.g. `mastodon.social`. Required: every server is its own authorization server, with its own client. */
  instance: string;
  /** Default `["read:accounts"]` (what `verify_credentials` needs); a subset of the app's registered scopes. */
  scope?: readonly string[] | string | undefined;
  /** `force_login=true`: show the login form even with a session (to switch accounts). */
  forceLogin?: boolean | undefined;
  /** `lang`: the language of the authorization page (ISO 639-1). */
  lang?: string | undefined;
}

/**
 * Mastodon, per server. Register the app on each server (`POST /api/v1/apps`) and give each
 * its own id: `mastodon({ id: "fosstodon", instance: "fosstodon.org" })`. Tokens never expire;
 * revocation is RFC 7009. The user is `session.fetch("v1/accounts/verify_credentials")`.
 *
 * @example
 * ```ts
 * mastodon({ instance: "mastodon.social", scope: ["read:accounts", "write:statuses"] })
 * ```
 * @see https://docs.joinmastodon.org/methods/oauth/
 */
export function mastodon<const Id extends string = "mastodon">(options: MastodonOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { instance, forceLogin, lang, ...common } = options;
  if (typeof instance !== "string" || instance === "") throw new TypeError("mastodon(): `instance` is required, e.g. \"mastodon.social\"");
  const base = instanceBase(instance, "instance");
  return preset(common, {
    protocol: "oauth2",
    id: "mastodon",
    name: "Mastodon",
    authorizationUrl: `${base}/oauth/authorize`,
    tokenUrl: `${base}/oauth/token`,
    revocationUrl: `${base}/oauth/revoke`,
    apiBaseUrl: `${base}/api/`,
    scope: ["read:accounts"],
    clientAuth: "client_secret_post",
    authorizationParams: { force_login: forceLogin ? "true" : undefined, lang },
    facts: {
      docs: "https://docs.joinmastodon.org/methods/oauth/",
      refresh: { refreshTokens: "no", rotates: "no", expiresIn: "no", notes: "Tokens stay valid until revoked." },
    },
  });
}
