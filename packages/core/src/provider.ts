/**
 * Provider resolution: validate a provider definition once, read its credentials from the
 * environment, and (for OpenID Connect) discover and cache its metadata and JWKS.
 *
 * @internal
 * @module
 */
import * as oauth from "oauth4webapi";
import { createRemoteJWKSet, customFetch as joseCustomFetch } from "jose";
import { DanceConfigError, DanceError } from "./errors.js";
import { isLoopbackHost } from "./http.js";
import type { OAuth2ProviderDefinition, ParamValue, ProviderDefinition } from "./types.js";

/** The asymmetric JWS algorithms accepted for id_tokens unless a provider narrows them. */
export const DEFAULT_ID_TOKEN_ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"] as const;

/** Endpoints of a provider once known (pinned or discovered). */
export interface ProviderMetadata {
  as: oauth.AuthorizationServer;
  /** id_token algorithms accepted (the provider's list, narrowed to asymmetric ones). */
  algorithms: readonly string[];
  authorizationUrl: string;
  tokenUrl: string;
  jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  apiBaseUrl: string | undefined;
  /** Origins `session.fetch` attaches the token to. */
  apiOrigins: ReadonlySet<string>;
}

/** A validated, frozen provider plus its lazily discovered metadata. */
export interface ResolvedProvider {
  readonly def: Readonly<OAuth2ProviderDefinition>;
  readonly id: string;
  readonly oidc: boolean;
  readonly clientId: string;
  readonly client: oauth.Client;
  readonly clientAuth: oauth.ClientAuth;
  readonly scope: readonly string[];
  readonly authorizationParams: readonly (readonly [string, string])[];
  readonly refreshParams: Readonly<Record<string, string>> | undefined;
  readonly refreshEnabled: boolean;
  /** Options for oauth4webapi calls: custom fetch, insecure loopback, timeout signal per call. */
  httpOptions(): { [oauth.customFetch]: typeof fetch; [oauth.allowInsecureRequests]: boolean; signal: AbortSignal };
  metadata(): Promise<ProviderMetadata>;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The env-name prefix of a provider id: `github` → `GITHUB`, `my-idp` → `MY_IDP`. */
export function envPrefix(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

function checkUrl(id: string, field: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined || value === "") {
    if (required) throw new DanceConfigError(`provider "${id}": \`${field}\` is required.`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DanceConfigError(`provider "${id}": \`${field}\` must be an absolute URL, got "${value}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new DanceConfigError(`provider "${id}": \`${field}\` must be an http(s) URL.`);
  }
  return value;
}

function paramString(value: ParamValue): string | undefined {
  if (value === undefined || value === null || value === false || value === "") return undefined;
  return value === true ? "true" : String(value);
}

/** Options shared by all providers of one Dance instance. */
export interface ResolveOptions {
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  timeout: number;
}

/** Validate a provider definition and bind it to its credentials. Throws {@link DanceConfigError}. */
export function resolveProvider(input: ProviderDefinition, options: ResolveOptions): ResolvedProvider {
  if (!input || typeof input !== "object") throw new DanceConfigError("each entry of `providers` must be a provider object, e.g. github().");
  const def = Object.freeze({ ...input });
  const id = def.id;
  if (typeof id !== "string" || !ID.test(id)) {
    throw new DanceConfigError(`provider id "${String(id)}" must be lower-case letters, digits, "-" or "_" (it becomes a URL segment).`);
  }
  if (def.protocol !== "oauth2" && def.protocol !== "oidc") {
    throw new DanceConfigError(`provider "${id}": \`protocol\` must be "oauth2" or "oidc".`);
  }
  const oidc = def.protocol === "oidc";
  const prefix = envPrefix(id);
  const idVar = def.env?.clientId ?? `${prefix}_OAUTH_CLIENT_ID`;
  const secretVar = def.env?.clientSecret ?? `${prefix}_OAUTH_CLIENT_SECRET`;
  const clientId = def.clientId || options.env[idVar];
  const clientSecret = def.clientSecret || options.env[secretVar];
  const authMethod = def.clientAuth ?? "client_secret_basic";
  if (!clientId) {
    throw new DanceConfigError(`provider "${id}": no client id. Set the ${idVar} environment variable or pass \`clientId\`.`);
  }
  if (authMethod !== "none" && !clientSecret) {
    throw new DanceConfigError(
      `provider "${id}": no client secret. Set the ${secretVar} environment variable or pass \`clientSecret\` (or \`clientAuth: "none"\` for a public client).`,
    );
  }
  if (!["client_secret_basic", "client_secret_post", "none"].includes(authMethod)) {
    throw new DanceConfigError(`provider "${id}": \`clientAuth\` must be client_secret_basic, client_secret_post or none.`);
  }
  const pinned = Boolean(def.authorizationUrl && def.tokenUrl);
  const discovery = oidc && (def.discovery ?? !pinned);
  checkUrl(id, "issuer", def.issuer, oidc);
  checkUrl(id, "authorizationUrl", def.authorizationUrl, !discovery);
  checkUrl(id, "tokenUrl", def.tokenUrl, !discovery);
  for (const field of ["jwksUrl", "userinfoUrl", "revocationUrl", "apiBaseUrl"] as const) checkUrl(id, field, def[field], false);
  if (oidc && !discovery && !def.jwksUrl) {
    throw new DanceConfigError(`provider "${id}": pinned OpenID metadata needs \`jwksUrl\` to verify id_token signatures (or enable discovery).`);
  }
  if (def.responseMode !== undefined && def.responseMode !== "query" && def.responseMode !== "form_post") {
    throw new DanceConfigError(`provider "${id}": \`responseMode\` must be "query" or "form_post".`);
  }
  for (const origin of def.apiOrigins ?? []) checkUrl(id, "apiOrigins[]", origin, true);

  const scope = Object.freeze(
    (typeof def.scope === "string" ? def.scope.split(/[\s]+/) : [...(def.scope ?? [])]).filter((s) => s !== ""),
  );
  const reserved = new Set(["state", "code_challenge", "code_challenge_method", "nonce", "redirect_uri", "client_id", "response_type"]);
  const authorizationParams: (readonly [string, string])[] = [];
  for (const [name, value] of Object.entries(def.authorizationParams ?? {})) {
    if (reserved.has(name)) throw new DanceConfigError(`provider "${id}": authorization parameter "${name}" is set by Dance and cannot be overridden.`);
    const text = paramString(value);
    if (text !== undefined) authorizationParams.push(Object.freeze([name, text] as const));
  }
  const refresh = def.refresh;
  const refreshEnabled = refresh === true || (typeof refresh === "object" && refresh !== null);
  const refreshParams = typeof refresh === "object" && refresh !== null ? Object.freeze({ ...(refresh.params ?? {}) }) : undefined;
  if (typeof refresh === "object" && refresh?.url) checkUrl(id, "refresh.url", refresh.url, true);

  const client: oauth.Client = { client_id: clientId, [oauth.clockTolerance]: 30 };
  const clientAuth =
    authMethod === "none"
      ? oauth.None()
      : authMethod === "client_secret_post"
        ? oauth.ClientSecretPost(clientSecret!)
        : oauth.ClientSecretBasic(clientSecret!);

  const insecureOk = (url: string | undefined) => {
    if (!url) return true;
    const u = new URL(url);
    return u.protocol === "https:" || def.allowInsecureRequests === true || isLoopbackHost(u.hostname);
  };
  for (const u of [def.issuer, def.authorizationUrl, def.tokenUrl, def.jwksUrl, def.userinfoUrl, def.revocationUrl]) {
    if (!insecureOk(u)) {
      throw new DanceConfigError(
        `provider "${id}": ${u} is plain http on a non-loopback host. Use https, or set \`allowInsecureRequests: true\` for a test provider.`,
      );
    }
  }

  const httpOptions = () => ({
    [oauth.customFetch]: options.fetch,
    // Every URL this provider uses was checked by insecureOk(): https, loopback, or explicitly allowed.
    [oauth.allowInsecureRequests]: true,
    signal: AbortSignal.timeout(options.timeout),
  });

  let metadataPromise: Promise<ProviderMetadata> | undefined;
  const build = (as: oauth.AuthorizationServer): ProviderMetadata => {
    const authorizationUrl = def.authorizationUrl ?? as.authorization_endpoint;
    const tokenUrl = def.tokenUrl ?? as.token_endpoint;
    if (!authorizationUrl || !tokenUrl) {
      throw new DanceConfigError(`provider "${id}": the metadata of ${def.issuer} has no authorization or token endpoint.`);
    }
    for (const u of [authorizationUrl, tokenUrl, as.jwks_uri, as.userinfo_endpoint, as.revocation_endpoint]) {
      if (!insecureOk(u)) throw new DanceConfigError(`provider "${id}": discovered endpoint ${u} is plain http.`);
    }
    const jwksUrl = def.jwksUrl ?? as.jwks_uri;
    const apiBaseUrl = def.apiBaseUrl ?? (as.userinfo_endpoint ? new URL("./", as.userinfo_endpoint).href : undefined);
    const origins = new Set<string>();
    for (const u of [def.apiBaseUrl, as.userinfo_endpoint, def.userinfoUrl, ...(def.apiOrigins ?? [])]) if (u) origins.add(new URL(u).origin);
    const full: oauth.AuthorizationServer = {
      id_token_signing_alg_values_supported: [...(def.idTokenAlgorithms ?? DEFAULT_ID_TOKEN_ALGS)],
      ...as,
      authorization_endpoint: authorizationUrl,
      token_endpoint: tokenUrl,
      ...(jwksUrl ? { jwks_uri: jwksUrl } : {}),
      ...(def.userinfoUrl ? { userinfo_endpoint: def.userinfoUrl } : {}),
      ...(def.revocationUrl ? { revocation_endpoint: def.revocationUrl } : {}),
    };
    return Object.freeze({
      as: Object.freeze(full),
      algorithms: Object.freeze(
        (def.idTokenAlgorithms ?? as.id_token_signing_alg_values_supported ?? DEFAULT_ID_TOKEN_ALGS).filter((alg) =>
          (def.idTokenAlgorithms ?? DEFAULT_ID_TOKEN_ALGS).includes(alg as never),
        ),
      ),
      authorizationUrl,
      tokenUrl,
      jwks: jwksUrl ? createRemoteJWKSet(new URL(jwksUrl), { [joseCustomFetch]: options.fetch, timeoutDuration: options.timeout }) : undefined,
      apiBaseUrl,
      apiOrigins: origins,
    });
  };
  const metadata = (): Promise<ProviderMetadata> => {
    if (!metadataPromise) {
      metadataPromise = (async () => {
        // Non-OpenID providers have no issuer; a stable synthetic one keeps oauth4webapi's checks meaningful.
        const issuer = def.issuer ?? new URL(def.authorizationUrl!).origin;
        if (!discovery) {
          return build({
            issuer,
            ...(def.issuer ? {} : { authorization_response_iss_parameter_supported: false }),
          });
        }
        let response: Response;
        try {
          response = await oauth.discoveryRequest(new URL(issuer), { ...httpOptions(), algorithm: "oidc" });
        } catch (cause) {
          throw new DanceError("discovery_failed", `Could not reach ${issuer} for OpenID discovery.`, { provider: id, cause });
        }
        let as: oauth.AuthorizationServer;
        try {
          as = await oauth.processDiscoveryResponse(new URL(issuer), response);
        } catch (cause) {
          const mismatch = cause instanceof oauth.OperationProcessingError && /issuer/i.test(cause.message);
          throw new DanceError(
            "discovery_failed",
            mismatch
              ? `The discovery document of provider "${id}" names another issuer than the configured ${issuer}: check \`issuer\` (a trailing slash counts).`
              : `The discovery document of provider "${id}" at ${issuer} is invalid.`,
            { provider: id, cause },
          );
        }
        // oauth4webapi compares the issuers as parsed URLs; OpenID Discovery §4.3 requires the identical string.
        if (as.issuer !== issuer) {
          throw new DanceError(
            "discovery_failed",
            `The discovery document of provider "${id}" names another issuer than the configured ${issuer}: check \`issuer\` (a trailing slash counts).`,
            { provider: id },
          );
        }
        try {
          return build(as);
        } catch (cause) {
          // Discovered metadata that cannot work (no token endpoint, plain http) is the provider's fault at request time.
          throw new DanceError("discovery_failed", (cause as Error).message, { provider: id, cause });
        }
      })();
      // A failed discovery is retried on the next use instead of being cached forever.
      metadataPromise.catch(() => {
        metadataPromise = undefined;
      });
    }
    return metadataPromise;
  };

  return Object.freeze({
    def,
    id,
    oidc,
    clientId,
    client,
    clientAuth,
    scope,
    authorizationParams: Object.freeze(authorizationParams),
    refreshParams,
    refreshEnabled,
    httpOptions,
    metadata,
  });
}
