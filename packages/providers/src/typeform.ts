import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link typeform}. */
export interface TypeformOptions<Id extends string = "typeform"> extends PresetOptions<Id> {
  /** Typeform scopes, e.g. `["forms:read"]`; add `offline` for refresh tokens. Default `["accounts:read"]`. */
  scope?: readonly string[] | string | undefined;
  /** Accounts in Typeform's EU data centre: its own authorization server and API, `api.typeform.eu` (and its own OAuth apps). */
  eu?: boolean | undefined;
}

/**
 * Typeform. Refresh tokens come only with the `offline` scope. EU data-centre accounts need an
 * app registered there and `eu: true`. The user: `session.fetch("me")`.
 *
 * @example
 * ```ts
 * typeform({ scope: ["accounts:read", "forms:read", "offline"] })
 * ```
 * @see https://www.typeform.com/developers/get-started/applications/
 */
export function typeform<const Id extends string = "typeform">(options: TypeformOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { eu, ...common } = options;
  const host = eu ? "https://api.typeform.eu" : "https://api.typeform.com";
  const scope = common.scope ?? ["accounts:read"];
  return preset(common, {
    protocol: "oauth2",
    id: "typeform",
    name: "Typeform",
    authorizationUrl: `${host}/oauth/authorize`,
    tokenUrl: `${host}/oauth/token`,
    apiBaseUrl: `${host}/`,
    scope,
    clientAuth: "client_secret_post",
    refresh: (typeof scope === "string" ? scope.split(" ") : scope).includes("offline"),
    facts: {
      docs: "https://www.typeform.com/developers/get-started/applications/",
      refresh: { refreshTokens: "with the offline scope", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
