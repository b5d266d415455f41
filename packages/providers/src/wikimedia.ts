import type { OAuth2ProviderDefinition } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link wikimedia}. */
export interface WikimediaOptions<Id extends string = "wikimedia"> extends PresetOptions<Id> {
  /** Grants to ask for; default none: the grants registered on the consumer. */
  scope?: readonly string[] | string | undefined;
}

/**
 * Wikimedia (Wikipedia and its sister projects), OAuth 2 on Meta-Wiki's consumer registry. The
 * user: `session.fetch("rest.php/oauth2/resource/profile")`. Tokens work on every Wikimedia wiki:
 * call another wiki with an absolute URL on a provider with that wiki in its `apiOrigins`.
 *
 * @example
 * ```ts
 * wikimedia() // register at https://meta.wikimedia.org/wiki/Special:OAuthConsumerRegistration/propose/oauth2
 * ```
 * @see https://www.mediawiki.org/wiki/Extension:OAuth
 */
export function wikimedia<const Id extends string = "wikimedia">(options: WikimediaOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  return preset(options, {
    protocol: "oauth2",
    id: "wikimedia",
    name: "Wikimedia",
    authorizationUrl: "https://meta.wikimedia.org/w/rest.php/oauth2/authorize",
    tokenUrl: "https://meta.wikimedia.org/w/rest.php/oauth2/access_token",
    apiBaseUrl: "https://meta.wikimedia.org/w/",
    refresh: true,
    facts: {
      docs: "https://www.mediawiki.org/wiki/Extension:OAuth",
      refresh: { refreshTokens: "yes", rotates: "unknown", expiresIn: "yes" },
    },
  });
}
