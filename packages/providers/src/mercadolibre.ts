import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link mercadolibre}. */
export interface MercadoLibreOptions<Id extends string = "mercadolibre"> extends PresetOptions<Id> {
  /** Mercado Libre sets scopes (`read`, `write`, `offline_access`) on the application; none is sent by default. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Mercado Libre (sellers' accounts). Scopes are chosen on the application; with `offline_access`
 * there, tokens come with single-use refresh tokens. The user: `session.fetch("users/me")`.
 *
 * @example
 * ```ts
 * mercadolibre()
 * ```
 * @see https://developers.mercadolibre.com.ar/en_us/authentication-and-authorization
 */
export function mercadolibre<const Id extends string = "mercadolibre">(options: MercadoLibreOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "mercadolibre",
    name: "Mercado Libre",
    authorizationUrl: "https://auth.mercadolibre.com/authorization",
    tokenUrl: "https://api.mercadolibre.com/oauth/token",
    apiBaseUrl: "https://api.mercadolibre.com/",
    // Mercado Libre asks for the credentials in the POST body, never in the query.
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://developers.mercadolibre.com.ar/en_us/authentication-and-authorization",
      refresh: { refreshTokens: "with offline_access (set on the application)", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 6 hours; a refresh token is spent by its use." },
    },
  });
}
