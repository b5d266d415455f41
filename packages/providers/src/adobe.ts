import { openidConnect } from "@dance/core/oidc";
import type { OAuth2ProviderDefinition, ProviderHooks } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link adobe}. */
export interface AdobeOptions<Id extends string = "adobe"> extends PresetOptions<Id> {
  /** Adobe IMS scopes. Default `["openid", "AdobeID"]`; add `offline_access` for refresh tokens, `email`, `profile`. */
  scope?: readonly string[] | string | undefined;
}

/** The API key Adobe's product APIs want next to the token. */
export const adobeHooks: ProviderHooks = {
  // Most Adobe APIs require `x-api-key: <client id>` with the Bearer token.
  apiRequest(request, { clientId }) {
    if (!request.headers.has("x-api-key")) request.headers.set("x-api-key", clientId);
    return request;
  },
};

/**
 * Adobe (Adobe IMS, the "OAuth Web App" credential), an OpenID provider with pinned metadata.
 * Scopes go out comma-separated (`scopeSeparator: ","`); API calls carry `x-api-key` (the client
 * id). Product APIs live on other hosts than IMS: call them with absolute URLs on a provider with
 * those `apiOrigins`.
 *
 * @example
 * ```ts
 * adobe({ scope: ["openid", "AdobeID", "email", "offline_access"] })
 * ```
 * @see https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims
 */
export function adobe<const Id extends string = "adobe">(options: AdobeOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const scope = options.scope ?? ["openid", "AdobeID"];
  return preset(options, {
    protocol: "oidc",
    support: openidConnect,
    id: "adobe",
    name: "Adobe",
    issuer: "https://ims-na1.adobelogin.com",
    authorizationUrl: "https://ims-na1.adobelogin.com/ims/authorize/v2",
    tokenUrl: "https://ims-na1.adobelogin.com/ims/token/v3",
    jwksUrl: "https://ims-na1.adobelogin.com/ims/keys",
    userinfoUrl: "https://ims-na1.adobelogin.com/ims/userinfo/v2",
    revocationUrl: "https://ims-na1.adobelogin.com/ims/revoke",
    apiBaseUrl: "https://ims-na1.adobelogin.com/ims/",
    scope,
    // Adobe documents comma-separated scopes (openid,AdobeID,offline_access).
    scopeSeparator: ",",
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline_access"),
    hooks: adobeHooks,
    facts: {
      docs: "https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/ims",
      refresh: { refreshTokens: "with offline_access", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 24 hours." },
    },
  });
}
