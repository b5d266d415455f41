import type { OAuth2ProviderDefinition } from "@dance/core";

/** Options of {@link oauth2}: every field of a provider definition except `protocol`. */
export type OAuth2Options<Id extends string = string> = Omit<OAuth2ProviderDefinition<Id>, "protocol">;

/**
 * A custom OAuth 2 provider from its endpoints (Flask-Dance's `make_oauth_blueprint`).
 * PKCE S256 and state are always on; credentials default to `<ID>_OAUTH_CLIENT_ID` / `_SECRET`.
 *
 * @example
 * ```ts
 * oauth2({
 *   id: "acme",
 *   authorizationUrl: "https://auth.acme.test/authorize",
 *   tokenUrl: "https://auth.acme.test/token",
 *   apiBaseUrl: "https://api.acme.test/v1/",
 *   scope: ["read"],
 * })
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 */
export function oauth2<const Id extends string>(options: OAuth2Options<Id>): OAuth2ProviderDefinition<Id> {
  return { ...options, protocol: "oauth2" };
}
