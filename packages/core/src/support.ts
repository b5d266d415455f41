/**
 * The code a provider definition brings along ({@link ProtocolSupport}): what core expects of
 * it, and the start-up check that it is there. Core only ever reaches OpenID Connect's id_token
 * verification and the OAuth 1.0a protocol through a definition's `support`, never by import,
 * so a bundle that configures neither leaves both (and jose) out.
 *
 * @internal
 * @module
 */
import type { AuthorizationServer } from "./oauth2.js";
import type { Claims } from "./claims.js";
import { DanceConfigError } from "./errors.js";
import type { MetadataOptions, ProviderMetadata, ResolvedProvider } from "./metadata.js";
import type { OAuth1Provider } from "./oauth1/dance.js";
import type { ProtocolSteps } from "./protocol.js";
import type { ProviderSpec, ResolveOptions } from "./provider.js";
import type { OAuth1ProviderDefinition, ProtocolSupport } from "./types.js";

/** What an id_token must match. */
export interface IdTokenExpectations {
  nonce?: string | undefined;
  /** For refreshed id_tokens: the claims of the original one (OIDC Core §12.2). */
  previous?: Claims | undefined;
  /** The current time, ms since the epoch (the configured clock). */
  now: number;
  /** The oldest acceptable `iat`, in seconds before `now`. */
  maxAge: number;
}

/** `@dance/core/oidc`: id_token verification. */
export interface OpenIdSupport extends ProtocolSupport<"openid"> {
  /** Fetch and check `{issuer}/.well-known/openid-configuration`. Throws {@link DanceError} `discovery_failed`. */
  discover(provider: ProviderSpec, issuer: string): Promise<AuthorizationServer>;
  /** The key set at `url`, shared through `options.shared.jwks`. */
  jwks(url: string, options: MetadataOptions): unknown;
  /** Verify an id_token (OIDC Core §3.1.3.7). Throws {@link DanceError} `id_token_invalid` / `provider_unavailable`. */
  verifyIdToken(provider: ResolvedProvider, metadata: ProviderMetadata, idToken: string, expect: IdTokenExpectations): Promise<Claims>;
}

/** `@dance/core/oauth1`: the OAuth 1.0a protocol. */
export interface OAuth1Support extends ProtocolSupport<"oauth1"> {
  /** Validate a definition and bind it to its credentials. Throws {@link DanceConfigError}. */
  resolve(definition: OAuth1ProviderDefinition, options: ResolveOptions): OAuth1Provider;
  /** The protocol steps of a resolved provider. */
  steps(provider: OAuth1Provider): ProtocolSteps;
}

const HOW = {
  openid: ['OpenID Connect providers verify id_tokens with `@dance/core/oidc`', 'build it with oidc() or an OpenID preset from @dance/providers, or set `support: openidConnect` (import { openidConnect } from "@dance/core/oidc")'],
  oauth1: ['OAuth 1.0a lives in `@dance/core/oauth1`', 'build it with oauth1() or an OAuth 1.0a preset from @dance/providers, or set `support: oauth1Protocol` (import { oauth1Protocol } from "@dance/core/oauth1")'],
} as const;

/** The `support` of a definition of `id`, checked to be the `kind` it needs. Throws {@link DanceConfigError} saying what to import. */
export function supportOf<Kind extends "openid" | "oauth1">(id: string, support: ProtocolSupport | undefined, kind: Kind): Kind extends "openid" ? OpenIdSupport : OAuth1Support {
  const needed = kind === "openid" ? ["discover", "jwks", "verifyIdToken"] : ["resolve", "steps"];
  const record = support as unknown as Record<string, unknown> | undefined;
  if (!record || typeof record !== "object" || record.kind !== kind || needed.some((name) => typeof record[name] !== "function")) {
    const [what, fix] = HOW[kind];
    throw new DanceConfigError(`provider "${id}": ${what}, and its \`support\` is ${record === undefined ? "not set" : "not that module"}: ${fix}.`, { provider: id });
  }
  return support as never;
}
