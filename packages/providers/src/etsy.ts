import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link etsy}. */
export interface EtsyOptions<Id extends string = "etsy"> extends PresetOptions<Id> {
  /** Your app's shared secret: API calls send `x-api-key: <keystring>:<shared secret>`. Required. */
  sharedSecret: string;
  /** Etsy scopes, e.g. `["shops_r", "email_r"]`. Default `["shops_r"]` (what `users/me` needs). */
  scope?: readonly string[] | string | undefined;
}

/**
 * Etsy (Open API v3). The token endpoint takes the client id (the app's keystring) and the
 * PKCE verifier, no secret; every API call carries `x-api-key` with the keystring and the
 * shared secret besides the Bearer token (the keystring alone is refused since February
 * 2026). The access token starts with the user's numeric id.
 *
 * @example
 * ```ts
 * etsy({ sharedSecret: process.env.ETSY_SHARED_SECRET!, scope: ["shops_r", "email_r"] }) // ETSY_OAUTH_CLIENT_ID = the keystring
 * ```
 * @see https://developers.etsy.com/documentation/essentials/authentication/
 */
export function etsy<const Id extends string = "etsy">(options: EtsyOptions<Id>): OAuth2ProviderDefinition<Id> {
  const { sharedSecret, ...common } = options;
  if (typeof sharedSecret !== "string" || sharedSecret === "") throw new TypeError("etsy(): `sharedSecret` (your app's shared secret, part of the x-api-key header) is required");
  const hooks: ProviderHooks = {
    // The API key names the app: its keystring (the client id) and shared secret.
    apiRequest(request, { clientId }) {
      if (!request.headers.has("x-api-key")) request.headers.set("x-api-key", `${clientId}:${sharedSecret}`);
      return request;
    },
  };
  return preset(common, {
    protocol: "oauth2",
    id: "etsy",
    name: "Etsy",
    authorizationUrl: "https://www.etsy.com/oauth/connect",
    tokenUrl: "https://api.etsy.com/v3/public/oauth/token",
    apiBaseUrl: "https://openapi.etsy.com/v3/application/",
    scope: ["shops_r"],
    // Etsy's token requests carry client_id and the PKCE verifier, never the secret.
    clientAuth: "none",
    refresh: true,
    hooks,
    facts: {
      docs: "https://developers.etsy.com/documentation/essentials/authentication/",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 1 hour; refresh tokens about 90 days." },
    },
  });
}
