import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link _42}. */
export interface FortyTwoOptions<Id extends string = "42"> extends PresetOptions<Id> {
  /** 42 API scopes: `public`, `projects`, `profile`, … Default `["public"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * 42 (the 42 network's Intra). Tokens live 2 hours. The user: `session.fetch("me")`. Its
 * credentials are read from `FORTYTWO_OAUTH_CLIENT_ID` / `_SECRET`: a shell cannot export a name
 * that starts with a digit.
 *
 * @example
 * ```ts
 * _42({ scope: ["public", "projects"] })
 * ```
 * @see https://api.intra.42.fr/apidoc/guides/web_application_flow
 */
export function _42<const Id extends string = "42">(options: FortyTwoOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "42",
    name: "42",
    authorizationUrl: "https://api.intra.42.fr/oauth/authorize",
    tokenUrl: "https://api.intra.42.fr/oauth/token",
    apiBaseUrl: "https://api.intra.42.fr/v2/",
    scope: ["public"],
    // `42_OAUTH_CLIENT_ID` is not a valid shell variable name; another id keeps its own names.
    ...(options.id === undefined ? { env: { clientId: "FORTYTWO_OAUTH_CLIENT_ID", clientSecret: "FORTYTWO_OAUTH_CLIENT_SECRET" } } : {}),
    clientAuth: "client_secret_post",
    facts: {
      docs: "https://api.intra.42.fr/apidoc/guides/web_application_flow",
      refresh: { refreshTokens: "unknown", rotates: "unknown", expiresIn: "yes", notes: "Access tokens live 2 hours." },
    },
  });
}
