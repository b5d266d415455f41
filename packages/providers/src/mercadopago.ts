import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link mercadopago}. */
export interface MercadoPagoOptions<Id extends string = "mercadopago"> extends PresetOptions<Id> {
  /** Mercado Pago sets scopes (`read`, `write`, `offline_access`) on the application; none is sent by default. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Mercado Pago: a seller links their account to your platform (payments on their behalf), not
 * a consumer login. Scopes are chosen on the application; with `offline_access` there, a
 * refresh returns a new access token (180 days) and refresh token.
 *
 * @example
 * ```ts
 * mercadopago() // session.fetch("users/me")
 * ```
 * @see https://www.mercadopago.com/developers/en/docs/security/oauth
 */
export function mercadopago<const Id extends string = "mercadopago">(options: MercadoPagoOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "mercadopago",
    name: "Mercado Pago",
    authorizationUrl: "https://auth.mercadopago.com/authorization",
    tokenUrl: "https://api.mercadopago.com/oauth/token",
    apiBaseUrl: "https://api.mercadopago.com/",
    clientAuth: "client_secret_post",
    refresh: true,
    facts: {
      docs: "https://www.mercadopago.com/developers/en/docs/security/oauth",
      refresh: { refreshTokens: "with offline_access (set on the application)", rotates: "yes", expiresIn: "yes", notes: "Access tokens live 180 days; a refresh returns a new refresh token." },
    },
  });
}
