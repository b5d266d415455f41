import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link authelia}. */
export interface AutheliaOptions<Id extends string = "authelia"> extends PresetOptions<Id> {
  /** Authelia's public URL (its issuer): `auth.example.com`, or a base URL with a path prefix. Required. */
  host: string;
  /** Default `["openid", "profile", "email"]`; add `offline_access` (and the `refresh_token` grant on the client) for refresh tokens. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Authelia, a self-hosted OpenID provider: metadata from its discovery document
 * (`https://{host}/.well-known/openid-configuration`). Register the client in Authelia's
 * `identity_providers.oidc.clients` with the token endpoint auth method `client_secret_basic`.
 *
 * @example
 * ```ts
 * authelia({ host: "auth.example.com", scope: ["openid", "profile", "email", "groups"] })
 * ```
 * @see https://www.authelia.com/integration/openid-connect/introduction/
 */
export function authelia<const Id extends string = "authelia">(options: AutheliaOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { host, ...common } = options;
  const scope = common.scope ?? ["openid", "profile", "email"];
  return preset(common, {
    protocol: "oidc",
    support: openidConnect,
    id: "authelia",
    name: "Authelia",
    issuer: instanceBase(host, "host"),
    discovery: true,
    scope,
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    facts: {
      docs: "https://www.authelia.com/integration/openid-connect/introduction/",
      refresh: { refreshTokens: "with offline_access (and the refresh_token grant on the client)", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
