import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link authentik}. */
export interface AuthentikOptions<Id extends string = "authentik"> extends PresetOptions<Id> {
  /** The authentik server, e.g. `authentik.example.com`. Required. */
  host: string;
  /** The application's slug (its issuer is `https://{host}/application/o/{slug}/`). Required. */
  slug: string;
  /** Default `["openid", "profile", "email"]`; add `offline_access` for refresh tokens. */
  scope?: readonly string[] | string | undefined;
}

/**
 * authentik, an OpenID provider per application: metadata from discovery of
 * `https://{host}/application/o/{slug}/` (the issuer ends with a slash in authentik's default
 * per-provider issuer mode).
 *
 * @example
 * ```ts
 * authentik({ host: "authentik.example.com", slug: "my-app" })
 * ```
 * @see https://docs.goauthentik.io/providers/oauth2/
 */
export function authentik<const Id extends string = "authentik">(options: AuthentikOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { host, slug, ...common } = options;
  if (!host || !slug) throw new TypeError('authentik(): `host` and `slug` are required, e.g. { host: "authentik.example.com", slug: "my-app" }');
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "authentik",
    name: "authentik",
    issuer: `${instanceBase(host, "host")}/application/o/${encodeURIComponent(slug)}/`,
    discovery: true,
    scope: ["openid", "profile", "email"],
    refresh: true,
    facts: {
      docs: "https://docs.goauthentik.io/providers/oauth2/",
      refresh: { refreshTokens: "with offline_access", rotates: "yes", expiresIn: "yes", notes: "Token lifetimes are set per provider." },
    },
  });
}
