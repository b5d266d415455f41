/**
 * The configuration of `createDance()`, validated once into frozen {@link Settings}; every
 * mistake is a {@link DanceConfigError} that says what to set. The user's object is never
 * mutated.
 *
 * @module
 */
import { DanceConfigError } from "./errors.js";
import { checkConfiguredEvents, type DanceEvents } from "./events.js";
import { isLoopbackHost, safeRedirectTarget } from "./http.js";
import { resolveAnyProvider, type AnyProvider } from "./protocol.js";
import type { ResolveOptions } from "./provider.js";
import { normalizeSecrets, Sealer, sealBoxOf, secretsKey, type SecretInput } from "./seal.js";
import type { SharedCaches } from "./shared.js";
import { cookieStorage } from "./storage.js";
import type { DebugRecord, ProviderDefinition, SealBox, TokenStorage } from "./types.js";

/** A warning Dance gives once per kind (a misconfiguration that still runs). */
export interface DanceWarning {
  /** Stable: `forwarded_headers_ignored`, `insecure_cookies`. */
  code: string;
  /** What is wrong and what to do. */
  message: string;
}

/**
 * The configuration of {@link createDance}. It is never mutated. `Id` is the union of the
 * configured provider ids, inferred from `providers`.
 *
 * @example
 * ```ts
 * const config: DanceConfig<"github"> = {
 *   secret: process.env.DANCE_SECRET,
 *   providers: [github()],
 *   redirectTo: "/dashboard",
 * };
 * ```
 */
export interface DanceConfig<Id extends string = string> {
  /** ≥ 32 characters, or `{ 2: "new…", 1: "old…" }` to rotate. Defaults to the `DANCE_SECRET` env variable. */
  secret?: SecretInput | undefined;
  /** Where the routes live: `GET {basePath}/{id}`, `GET|POST {basePath}/{id}/authorized`. Default `/login`. */
  basePath?: string | undefined;
  /** The providers. */
  providers: readonly ProviderDefinition<Id>[];
  /** Where to go after the dance (Flask-Dance `redirect_url`). A same-origin path or an allowed origin. Default `/`. */
  redirectTo?: string | undefined;
  /** Where a failed dance redirects (with `?error=<code>&provider=<id>`). Default: an error page with the status of the error. */
  errorRedirectTo?: string | undefined;
  /** Absolute origins (besides the app's own) that `?next=` and `redirectTo` may point to. */
  allowedRedirectOrigins?: readonly string[] | undefined;
  /** The app's public origin (`https://app.example.com`); otherwise taken from the request. */
  baseUrl?: string | undefined;
  /** Honour `X-Forwarded-Proto` / `X-Forwarded-Host`. Only behind a proxy that sets them. */
  trustProxy?: boolean | undefined;
  /** Where tokens live. Default: encrypted cookies. */
  storage?: TokenStorage | undefined;
  /** The current user, for multi-user storages. */
  user?: ((request: Request) => unknown) | undefined;
  /** Event handlers for every provider. */
  on?: DanceEvents | undefined;
  /** Token cookie lifetime in seconds. Default 30 days. */
  tokenMaxAge?: number | undefined;
  /** Login transaction lifetime in seconds (30–3600). Default 600. */
  transactionMaxAge?: number | undefined;
  /** The oldest id_token `iat` accepted, in seconds (30 s clock tolerance on top). Default 600. */
  idTokenMaxAge?: number | undefined;
  /** Timeout for each request to a provider, in milliseconds. Default 10 000. */
  timeout?: number | undefined;
  /** The fetch used for provider calls (token, discovery, JWKS, API). Default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Where `<ID>_OAUTH_CLIENT_ID` & co. are read. Default: the env given to `createDance((env) => …)`, else `process.env` where it exists. */
  env?: Readonly<Record<string, unknown>> | undefined;
  /** Receives debug records (they never contain secrets or tokens). */
  debug?: ((record: DebugRecord) => void) | undefined;
  /** Receives each kind of warning once. Default `console.warn`. */
  warn?: ((warning: DanceWarning) => void) | undefined;
  /** A clock, for tests. Milliseconds since the epoch. Governs every time check. */
  now?: (() => number) | undefined;
}

/** A route Dance serves. */
export interface Route {
  provider: string;
  step: "login" | "authorized";
}

/** A validated configuration. @internal */
export interface Settings {
  readonly basePath: string;
  readonly redirectTo: string;
  readonly errorRedirectTo: string | undefined;
  readonly allowedOrigins: ReadonlySet<string>;
  readonly baseUrl: string | undefined;
  /** Whether cookies are Secure, when `baseUrl` decides it. */
  readonly baseUrlSecure: boolean | undefined;
  readonly trustProxy: boolean;
  readonly storage: TokenStorage;
  readonly user: ((request: Request) => unknown) | undefined;
  readonly on: DanceEvents | undefined;
  readonly transactionMaxAge: number;
  readonly idTokenMaxAge: number;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly debug: (record: DebugRecord) => void;
  readonly warn: (warning: DanceWarning) => void;
  readonly sealer: Sealer;
  /** Encryption at rest for storages, over `sealer`. */
  readonly sealBox: SealBox;
  readonly providers: ReadonlyMap<string, AnyProvider>;
  /** Exact paths → route. */
  readonly routes: ReadonlyMap<string, Route>;
  readonly loginPaths: ReadonlyMap<string, string>;
  readonly callbackPaths: ReadonlyMap<string, string>;
  /** Per-provider after-login targets (validated). */
  readonly redirects: ReadonlyMap<string, string>;
}

/** Where `process.env` exists (Node, Bun, Deno with permission), else `{}`. @internal */
export function defaultEnv(): Readonly<Record<string, unknown>> {
  try {
    const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
    return proc?.env ?? {};
  } catch {
    return {};
  }
}

const fail = (message: string): never => {
  throw new DanceConfigError(message);
};

function absolutePath(name: string, value: unknown, fallback: string): string {
  const path = value ?? fallback;
  if (typeof path !== "string" || !path.startsWith("/") || /[?#\\\s]/.test(path) || path.includes("//")) {
    fail(`\`${name}\` must be an absolute path such as "${fallback}", got ${JSON.stringify(value)}.`);
  }
  return (path as string).length > 1 ? (path as string).replace(/\/+$/, "") : (path as string);
}

function positive(name: string, value: number | undefined, fallback: number, range?: [number, number]): number {
  const n = value ?? fallback;
  if (!Number.isFinite(n) || n <= 0 || (range && (n < range[0] || n > range[1]))) {
    fail(range ? `\`${name}\` must be between ${range[0]} and ${range[1]}.` : `\`${name}\` must be a positive number.`);
  }
  return n;
}

function origins(values: readonly string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const origin of values ?? []) {
    try {
      out.add(new URL(origin).origin);
    } catch {
      fail(`\`allowedRedirectOrigins\` entry ${JSON.stringify(origin)} is not an absolute URL.`);
    }
  }
  return out;
}

/** Validate a configuration for one environment. Throws {@link DanceConfigError}. @internal */
export function resolveConfig(config: DanceConfig, env: Readonly<Record<string, unknown>>, shared: SharedCaches): Settings {
  if (!config || typeof config !== "object") fail("createDance() needs a configuration object.");
  const secretInput = config.secret ?? (typeof env.DANCE_SECRET === "string" ? env.DANCE_SECRET : undefined);
  const secrets = normalizeSecrets(secretInput);
  const now = config.now ?? Date.now;
  const fetchImpl: typeof fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeout = positive("timeout", config.timeout, 10_000);
  const transactionMaxAge = positive("transactionMaxAge", config.transactionMaxAge, 600, [30, 3600]);
  const tokenMaxAge = positive("tokenMaxAge", config.tokenMaxAge, 30 * 24 * 3600);
  const idTokenMaxAge = positive("idTokenMaxAge", config.idTokenMaxAge, 600);
  let baseUrl: string | undefined;
  if (config.baseUrl !== undefined) {
    try {
      baseUrl = new URL(config.baseUrl).origin;
    } catch {
      fail(`\`baseUrl\` must be an absolute URL such as "https://app.example.com", got ${JSON.stringify(config.baseUrl)}.`);
    }
  }
  const allowedOrigins = origins(config.allowedRedirectOrigins);
  const checkTarget = (name: string, target: string | undefined) => {
    if (target === undefined) return;
    const ok = safeRedirectTarget(target, "http://config.invalid", allowedOrigins) !== undefined || (baseUrl && safeRedirectTarget(target, baseUrl, allowedOrigins));
    if (!ok) fail(`\`${name}\` must be a same-origin path such as "/" or a URL whose origin is in \`allowedRedirectOrigins\`, got ${JSON.stringify(target)}.`);
  };
  const redirectTo = config.redirectTo ?? "/";
  checkTarget("redirectTo", redirectTo);
  checkTarget("errorRedirectTo", config.errorRedirectTo);
  checkConfiguredEvents(config.on, fail);
  if (config.user !== undefined && typeof config.user !== "function") fail("`user` must be a function of the request.");
  const storage: TokenStorage = config.storage ?? cookieStorage({ maxAge: tokenMaxAge });
  for (const method of ["get", "set", "delete"] as const) {
    if (typeof storage[method] !== "function") fail(`\`storage\` must implement get, set and delete; ${method} is missing.`);
  }

  const basePath = absolutePath("basePath", config.basePath, "/login");
  const routing = resolveProviders(config, basePath, checkTarget, { env, fetch: fetchImpl, timeout, now }, shared);
  const key = secretsKey(secrets);
  let sealer = shared.sealers.get(key);
  if (!sealer) shared.sealers.set(key, (sealer = new Sealer(secrets, { now })));
  const debug = config.debug ?? (() => {});
  const warn = config.warn ?? ((warning: DanceWarning) => console.warn(`[dance] ${warning.message}`));
  return Object.freeze({
    basePath,
    redirectTo,
    errorRedirectTo: config.errorRedirectTo,
    allowedOrigins,
    baseUrl,
    baseUrlSecure: baseUrl === undefined ? undefined : baseUrl.startsWith("https:") || !isLoopbackHost(new URL(baseUrl).hostname),
    trustProxy: config.trustProxy === true,
    storage,
    user: config.user,
    on: config.on,
    transactionMaxAge,
    idTokenMaxAge,
    fetch: fetchImpl,
    now,
    debug,
    warn: (warning: DanceWarning) => {
      if (shared.warned.has(warning.code)) return;
      shared.warned.add(warning.code);
      debug({ event: "warning", code: warning.code });
      warn(warning);
    },
    sealer,
    sealBox: sealBoxOf(sealer),
    ...routing,
  });
}

type Routing = Pick<Settings, "providers" | "routes" | "loginPaths" | "callbackPaths" | "redirects">;

/** The providers, and the routes and after-login targets they use. */
function resolveProviders(
  config: DanceConfig,
  basePath: string,
  checkTarget: (name: string, target: string | undefined) => void,
  options: ResolveOptions,
  shared: SharedCaches,
): Routing {
  if (!Array.isArray(config.providers) || config.providers.length === 0) fail("`providers` must list at least one provider, e.g. providers: [github()].");
  const providers = new Map<string, AnyProvider>();
  const routes = new Map<string, Route>();
  const loginPaths = new Map<string, string>();
  const callbackPaths = new Map<string, string>();
  const redirects = new Map<string, string>();
  const prefix = basePath === "/" ? "" : basePath;
  for (const definition of config.providers) {
    const provider = resolveAnyProvider(definition, options, { fetch: options.fetch, timeout: options.timeout, shared });
    const id = provider.id;
    if (providers.has(id)) fail(`provider id "${id}" is configured twice; give one of them another \`id\`.`);
    providers.set(id, provider);
    const login = absolutePath(`providers[${id}].loginPath`, provider.def.loginPath, `${prefix}/${id}`);
    const callback = absolutePath(`providers[${id}].callbackPath`, provider.def.callbackPath, `${prefix}/${id}/authorized`);
    for (const [path, step] of [[login, "login"], [callback, "authorized"]] as const) {
      const taken = routes.get(path);
      if (taken) fail(`provider "${id}": the path ${path} is already the ${taken.step} route of "${taken.provider}".`);
      routes.set(path, { provider: id, step });
    }
    loginPaths.set(id, login);
    callbackPaths.set(id, callback);
    if (provider.def.redirectTo !== undefined) {
      checkTarget(`providers[${id}].redirectTo`, provider.def.redirectTo);
      redirects.set(id, provider.def.redirectTo);
    }
  }
  return { providers, routes, loginPaths, callbackPaths, redirects };
}
