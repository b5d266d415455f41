/**
 * Provider resolution: validate a provider definition once, read its credentials from the
 * environment, and bind it to its client authentication and HTTP options. Metadata (pinned or
 * discovered) is in `metadata.ts`.
 *
 * @internal
 * @module
 */
import { DanceConfigError } from "./errors.js";
import { isLoopbackHost } from "./http.js";
import { clientSecretBasic, clientSecretPost, publicClient, type ClientAuth, type HttpOptions } from "./oauth2.js";
import { supportOf, type OpenIdSupport } from "./support.js";
import type { OAuth2ProviderDefinition, ParamValue } from "./types.js";

/**
 * The asymmetric JWS algorithms accepted for id_tokens unless a provider narrows them
 * (`idTokenAlgorithms`). Never `none`, never HMAC (SECURITY.md 21).
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.1
 */
export const DEFAULT_ID_TOKEN_ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"] as const;

/** A validated, frozen provider definition bound to its credentials (its metadata is added by `metadata.ts`). */
export interface ProviderSpec {
  readonly def: Readonly<OAuth2ProviderDefinition>;
  readonly id: string;
  readonly oidc: boolean;
  /** `@dance/core/oidc`, for OpenID providers. */
  readonly openid: OpenIdSupport | undefined;
  /** OpenID provider asking for an id_token (`openid` in the scope). */
  readonly wantsIdToken: boolean;
  readonly clientId: string;
  /** For hooks that authenticate the client themselves (GitHub's grant deletion). Never logged. */
  readonly clientSecret: string | undefined;
  readonly clientAuth: ClientAuth;
  readonly scope: readonly string[];
  readonly authorizationParams: readonly (readonly [string, string])[];
  readonly tokenParams: Readonly<Record<string, string>> | undefined;
  readonly refreshEnabled: boolean;
  readonly refreshUrl: string | undefined;
  readonly refreshParams: Readonly<Record<string, string>> | undefined;
  /** The Authorization scheme of API calls. */
  readonly tokenScheme: string;
  /** How back-channel requests are sent: the configured fetch, a timeout signal per call, `tokenHeaders`. */
  httpOptions(): HttpOptions;
}

/** Options shared by all providers of one Dance instance. */
export interface ResolveOptions {
  env: Readonly<Record<string, unknown>>;
  fetch: typeof fetch;
  timeout: number;
  now: () => number;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const RESERVED_PARAMS = new Set(["state", "code_challenge", "code_challenge_method", "nonce", "redirect_uri", "client_id", "response_type"]);
const RESERVED_TOKEN_PARAMS = new Set(["grant_type", "code", "code_verifier", "redirect_uri", "client_id", "client_secret", "refresh_token"]);
const CLIENT_AUTH = ["client_secret_basic", "client_secret_post", "none"] as const;

/**
 * The env-name prefix of a provider id: `github` → `GITHUB`, `my-idp` → `MY_IDP`.
 *
 * @example
 * ```ts
 * `${envPrefix("my-idp")}_OAUTH_CLIENT_ID` // "MY_IDP_OAUTH_CLIENT_ID"
 * ```
 */
export function envPrefix(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/** Validate an OAuth 2 / OpenID provider definition and bind it to its credentials. Throws {@link DanceConfigError}. */
export function resolveProvider(input: OAuth2ProviderDefinition, options: ResolveOptions): ProviderSpec {
  if (!input || typeof input !== "object") throw new DanceConfigError("each entry of `providers` must be a provider object, e.g. github().");
  const def = Object.freeze({ ...input });
  const id = checkId(def.id);
  const fail = (message: string): never => {
    throw new DanceConfigError(`provider "${id}": ${message}`);
  };
  if (def.protocol !== "oauth2" && def.protocol !== "oidc") fail('`protocol` must be "oauth2" or "oidc".');
  const oidc = def.protocol === "oidc";
  const openid = oidc ? supportOf(id, def.support, "openid") : undefined;
  const { clientId, clientSecret } = credentials(def, options.env, fail);
  const authMethod = def.clientAuth ?? "client_secret_basic";
  if (!CLIENT_AUTH.includes(authMethod)) fail(`\`clientAuth\` must be ${CLIENT_AUTH.join(", ")}.`);
  checkEndpoints(def, oidc, fail);
  if (def.responseMode !== undefined && def.responseMode !== "query" && def.responseMode !== "form_post") fail('`responseMode` must be "query" or "form_post".');
  checkTokenHeaders(def.tokenHeaders, fail);

  const scope = Object.freeze((typeof def.scope === "string" ? def.scope.split(/\s+/) : [...(def.scope ?? [])]).filter((s) => s !== ""));
  const refresh = typeof def.refresh === "object" && def.refresh !== null ? def.refresh : undefined;
  return Object.freeze({
    def,
    id,
    oidc,
    openid,
    wantsIdToken: oidc && scope.includes("openid"),
    clientId,
    clientSecret,
    clientAuth: withTokenRequestHook(
      def.hooks?.clientSecret ? madeSecret(authMethod, clientId, def.hooks.clientSecret, options.now) : clientAuthFor(authMethod, clientId, clientSecret, def.basicAuthRaw === true),
      def,
      clientId,
    ),
    scope,
    authorizationParams: Object.freeze(authorizationParams(def, fail)),
    tokenParams: tokenParams(def, fail),
    refreshEnabled: def.refresh === true || refresh !== undefined,
    refreshUrl: refresh?.url,
    refreshParams: refresh ? Object.freeze({ ...(refresh.params ?? {}) }) : undefined,
    tokenScheme: def.tokenScheme ?? "Bearer",
    // Every URL this provider uses was checked by checkEndpoints(): https, loopback, or explicitly allowed.
    httpOptions: () => ({ fetch: options.fetch, signal: AbortSignal.timeout(options.timeout), headers: def.tokenHeaders }),
  });
}

/** `tokenHeaders`: valid header names and string values, none that client authentication or the form body own. */
function checkTokenHeaders(headers: Readonly<Record<string, string>> | undefined, fail: (message: string) => never): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value !== "string") fail(`token header "${name}" must be a string.`);
    if (/^(authorization|content-type)$/i.test(name)) fail(`token header "${name}" is set by Dance and cannot be overridden.`);
    try {
      new Headers([[name, value]]);
    } catch {
      fail(`token header "${name}" is not a valid HTTP header.`);
    }
  }
}

/** Check a provider id (it becomes a URL segment and an env-name prefix). @internal */
export function checkId(id: unknown): string {
  if (typeof id !== "string" || !ID.test(id)) {
    throw new DanceConfigError(`provider id "${String(id)}" must be lower-case letters, digits, "-" or "_" (it becomes a URL segment).`);
  }
  return id;
}

function credentials(def: OAuth2ProviderDefinition, env: Readonly<Record<string, unknown>>, fail: (message: string) => never) {
  const prefix = envPrefix(def.id);
  const idVar = def.env?.clientId ?? `${prefix}_OAUTH_CLIENT_ID`;
  const secretVar = def.env?.clientSecret ?? `${prefix}_OAUTH_CLIENT_SECRET`;
  const fromEnv = (name: string) => (typeof env[name] === "string" && env[name] !== "" ? (env[name] as string) : undefined);
  const clientId = def.clientId || fromEnv(idVar);
  const clientSecret = def.clientSecret || fromEnv(secretVar);
  if (!clientId) fail(`no client id. Set the ${idVar} environment variable or pass \`clientId\`.`);
  if ((def.clientAuth ?? "client_secret_basic") !== "none" && !clientSecret && !def.hooks?.clientSecret) {
    fail(`no client secret. Set the ${secretVar} environment variable or pass \`clientSecret\` (or \`clientAuth: "none"\` for a public client).`);
  }
  return { clientId: clientId!, clientSecret };
}

/** True when a token or code may be sent to `url`: https, loopback, or explicitly allowed. */
export function isSafeEndpoint(url: string | undefined, allowInsecure: boolean): boolean {
  if (!url) return true;
  const u = new URL(url);
  return u.protocol === "https:" || allowInsecure || isLoopbackHost(u.hostname);
}

/** The message of a plain-http endpoint (SECURITY.md 38: tokens never travel in clear text). */
export function insecureEndpointMessage(url: string): string {
  return `${url} is plain http on a non-loopback host. Use https, or set \`allowInsecureRequests: true\` for a test provider.`;
}

/** An endpoint field of a definition: its name (for the message), its value, whether it is required. */
export type EndpointField = [field: string, value: string | undefined, required: boolean];

/**
 * Check a definition's endpoint URLs at start-up: required ones present, each an absolute
 * http(s) URL, plain http only on loopback or with `allowInsecureRequests`. `each` adds a
 * protocol's own rule for a parsed URL.
 */
export function checkEndpointUrls(urls: readonly EndpointField[], allowInsecure: boolean, fail: (message: string) => never, each?: (field: string, url: URL) => void): void {
  for (const [field, value, required] of urls) {
    if (value === undefined || value === "") {
      if (required) fail(`\`${field}\` is required.`);
      continue;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fail(`\`${field}\` must be an absolute URL, got "${value}".`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") fail(`\`${field}\` must be an http(s) URL.`);
    if (!isSafeEndpoint(value, allowInsecure)) fail(insecureEndpointMessage(value));
    each?.(field, url);
  }
}

function checkEndpoints(def: OAuth2ProviderDefinition, oidc: boolean, fail: (message: string) => never): void {
  const pinned = Boolean(def.authorizationUrl && def.tokenUrl);
  const discovery = oidc && (def.discovery ?? !pinned);
  const refreshUrl = typeof def.refresh === "object" && def.refresh !== null ? def.refresh.url : undefined;
  const urls: EndpointField[] = [
    ["issuer", def.issuer, oidc],
    ["authorizationUrl", def.authorizationUrl, !discovery],
    ["tokenUrl", def.tokenUrl, !discovery],
    ["jwksUrl", def.jwksUrl, false],
    ["userinfoUrl", def.userinfoUrl, false],
    ["revocationUrl", def.revocationUrl, false],
    ["apiBaseUrl", def.apiBaseUrl, false],
    ["refresh.url", refreshUrl, false],
    ...(def.apiOrigins ?? []).map((origin): EndpointField => ["apiOrigins[]", origin, true]),
  ];
  checkEndpointUrls(urls, def.allowInsecureRequests === true, fail);
  if (oidc && !discovery && !def.jwksUrl) fail("pinned OpenID metadata needs `jwksUrl` to verify id_token signatures (or enable discovery).");
}

/** An authorization parameter as sent, or undefined when it is left out (falsy, as oauthlib does). @internal */
export function paramString(value: ParamValue): string | undefined {
  if (value === undefined || value === null || value === false || value === "") return undefined;
  return value === true ? "true" : String(value);
}

function authorizationParams(def: OAuth2ProviderDefinition, fail: (message: string) => never): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  for (const [name, value] of Object.entries(def.authorizationParams ?? {})) {
    if (RESERVED_PARAMS.has(name)) fail(`authorization parameter "${name}" is set by Dance and cannot be overridden.`);
    const text = paramString(value);
    if (text !== undefined) out.push(Object.freeze([name, text] as const));
  }
  return out;
}

function tokenParams(def: OAuth2ProviderDefinition, fail: (message: string) => never): Readonly<Record<string, string>> | undefined {
  if (def.tokenParams === undefined) return undefined;
  for (const [name, value] of Object.entries(def.tokenParams)) {
    if (RESERVED_TOKEN_PARAMS.has(name)) fail(`token parameter "${name}" is set by Dance and cannot be overridden.`);
    if (typeof value !== "string") fail(`token parameter "${name}" must be a string.`);
  }
  return Object.freeze({ ...def.tokenParams });
}

function clientAuthFor(method: (typeof CLIENT_AUTH)[number], clientId: string, clientSecret: string | undefined, raw: boolean): ClientAuth {
  if (method === "none") return publicClient(clientId);
  if (method === "client_secret_post") return clientSecretPost(clientId, clientSecret!);
  // raw: the id and secret as they are (what Flask-Dance / requests send), for providers that do not form-decode them.
  return clientSecretBasic(clientId, clientSecret!, raw);
}

/** Every token endpoint request goes through the client authentication: the provider's `tokenRequest` hook runs after it. */
function withTokenRequestHook(auth: ClientAuth, def: OAuth2ProviderDefinition, clientId: string): ClientAuth {
  const hook = def.hooks?.tokenRequest;
  if (!hook) return auth;
  return async (body, headers) => {
    await auth(body, headers);
    await hook(body, headers, { clientId });
  };
}

/** Client authentication with a secret the provider's hook makes per use (Apple's ES256 JWT). */
function madeSecret(
  method: (typeof CLIENT_AUTH)[number],
  clientId: string,
  make: (context: { clientId: string; now: number }) => Promise<string>,
  now: () => number,
): ClientAuth {
  return async (body, headers) => {
    const secret = await make({ clientId, now: now() });
    await (method === "client_secret_basic" ? clientSecretBasic(clientId, secret) : clientSecretPost(clientId, secret))(body, headers);
  };
}
