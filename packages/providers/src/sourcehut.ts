import type { OAuth2ProviderDefinition } from "@dance/core";
import { instanceBase, preset, type PresetOptions } from "./_preset.js";

/** Options of {@link sourcehut}. */
export interface SourcehutOptions<Id extends string = "sourcehut"> extends PresetOptions<Id> {
  /** The instance's meta service: a host name or base URL. Default `meta.sr.ht`. */
  hostname?: string | undefined;
  /** Grants as `<service>/<SCOPE>:<RO|RW>`. Default `["meta.sr.ht/PROFILE:RO"]`. */
  scope?: readonly string[] | string | undefined;
}

/**
 * SourceHut (meta.sr.ht, or a self-hosted instance). Its API is GraphQL: the user is
 * `session.fetch("query", { method: "POST", body: '{"query":"{ me { canonicalName email } }"}' })`;
 * each service (git.sr.ht, todo.sr.ht, …) has its own `/query`, which the token may be sent to.
 *
 * @example
 * ```ts
 * sourcehut({ scope: ["meta.sr.ht/PROFILE:RO", "git.sr.ht/REPOSITORIES:RO"] })
 * ```
 * @see https://man.sr.ht/meta.sr.ht/oauth.md
 */
export function sourcehut<const Id extends string = "sourcehut">(options: SourcehutOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { hostname = "meta.sr.ht", ...common } = options;
  const base = instanceBase(hostname, "hostname");
  return preset(common, {
    protocol: "oauth2",
    id: "sourcehut",
    name: "SourceHut",
    authorizationUrl: `${base}/oauth2/authorize`,
    // A hyphen, not an underscore.
    tokenUrl: `${base}/oauth2/access-token`,
    apiBaseUrl: `${base}/`,
    // On sr.ht itself, the other services' GraphQL APIs take the same token.
    apiOrigins: base === "https://meta.sr.ht" ? ["git", "hg", "builds", "todo", "lists", "paste"].map((service) => `https://${service}.sr.ht`) : undefined,
    scope: ["meta.sr.ht/PROFILE:RO"],
    facts: {
      docs: "https://man.sr.ht/meta.sr.ht/oauth.md",
      refresh: { refreshTokens: "not documented", rotates: "unknown", expiresIn: "not documented" },
    },
  });
}
