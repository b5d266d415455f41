/**
 * A real OpenID Provider for tests and demos: panva's `oidc-provider` (v9), in-process, on
 * plain-http loopback (`127.0.0.1`, a random port), with its built-in login and consent pages.
 *
 * @module
 */
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { escapeHtml } from "@dance/core";

/**
 * Client metadata as `oidc-provider` takes it (RFC 7591 names: `client_id`, `client_secret`,
 * `redirect_uris`, `grant_types`, `token_endpoint_auth_method`, …).
 *
 * @example
 * ```ts
 * const client: OidcClientMetadata = {
 *   ...confidentialClient({ clientId: "app", clientSecret: "app-secret", redirectUris: [callback] }),
 *   post_logout_redirect_uris: ["http://127.0.0.1:3000/"],
 * };
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export interface OidcClientMetadata {
  client_id: string;
  client_secret?: string | undefined;
  redirect_uris?: readonly string[] | undefined;
  grant_types?: readonly string[] | undefined;
  response_types?: readonly string[] | undefined;
  token_endpoint_auth_method?: string | undefined;
  [field: string]: unknown;
}

/**
 * An account as `oidc-provider`'s `findAccount` returns it.
 *
 * @example
 * ```ts
 * const account: OidcAccount = { accountId: "ada", claims: () => ({ sub: "ada", name: "Ada Lovelace" }) };
 * ```
 */
export interface OidcAccount {
  accountId: string;
  /** The claims of the account; `oidc-provider` filters them by the granted scopes. */
  claims(use: string, scope: string, claims: unknown, rejected: unknown): Record<string, unknown> | Promise<Record<string, unknown>>;
}

/**
 * `oidc-provider`'s `findAccount(ctx, sub, token)`: the account of a login name, or undefined.
 *
 * @example
 * ```ts
 * const findAccount: FindAccount = (_ctx, sub) => (sub === "blocked" ? undefined : { accountId: sub, claims: () => ({ sub }) });
 * await startOidcProvider({ clients, findAccount });
 * ```
 */
export type FindAccount = (ctx: unknown, sub: string, token?: unknown) => OidcAccount | undefined | Promise<OidcAccount | undefined>;

/**
 * A lifetime in seconds, or `oidc-provider`'s `(ctx, token, client) => seconds`.
 *
 * @example
 * ```ts
 * // 2 s for tokens from the code exchange, an hour for refreshed ones.
 * const AccessToken: TtlValue = (ctx) => (ctx.oidc.params.grant_type === "refresh_token" ? 3600 : 2);
 * ```
 */
export type TtlValue = number | ((ctx: any, token: any, client: any) => number);

/**
 * Lifetimes (seconds) of the artifacts the harness configures.
 *
 * @example
 * ```ts
 * await startOidcProvider({ clients, ttl: { AccessToken: 2, RefreshToken: 60 } });
 * ```
 */
export interface OidcTtl {
  /** Default 3600. Set it to a few seconds to test refreshing. */
  AccessToken?: TtlValue;
  /** Default 60. */
  AuthorizationCode?: TtlValue;
  /** Default 3600. */
  IdToken?: TtlValue;
  /** Default 14 days. */
  RefreshToken?: TtlValue;
  /** The login/consent interaction. Default 3600. */
  Interaction?: TtlValue;
  /** The provider's login session. Default 14 days. */
  Session?: TtlValue;
  /** Default 14 days. */
  Grant?: TtlValue;
  /** Default 600. */
  ClientCredentials?: TtlValue;
}

/**
 * Options of {@link startOidcProvider}.
 *
 * @example
 * ```ts
 * const options: OidcProviderOptions = {
 *   clients: [confidentialClient({ clientId: "app", clientSecret: "app-secret", redirectUris: [callback] })],
 *   accounts: { ada: { name: "Ada Lovelace" } },
 *   ttl: { AccessToken: 2 },
 * };
 * ```
 */
export interface OidcProviderOptions {
  /** The registered clients. Build the usual one with {@link confidentialClient}. */
  clients: readonly OidcClientMetadata[];
  /**
   * Extra or different claims for some login names, merged over the defaults every login name
   * gets: `sub` (the login name), `name`, `preferred_username`, `email` (`{login}@example.test`)
   * and `email_verified`.
   */
  accounts?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Replace the account lookup entirely (`oidc-provider`'s `findAccount`). */
  findAccount?: FindAccount;
  /** Lifetimes in seconds; see {@link OidcTtl}. */
  ttl?: OidcTtl;
  /**
   * Seconds of leeway the provider allows on expiry checks. Default 0 (oidc-provider's own
   * default is 15): app and provider share one clock here, so a token stops working exactly
   * when its `ttl` says.
   */
  clockTolerance?: number;
  /** The port on 127.0.0.1. Default 0: a free one. */
  port?: number;
  /**
   * Further `oidc-provider` configuration, merged over the harness's (one level deep for
   * `features`, `ttl` and `claims`). For what the harness does not cover; rarely needed.
   * @see https://github.com/panva/node-oidc-provider/blob/main/docs/README.md
   */
  configuration?: Readonly<Record<string, unknown>>;
  /** Drop `oidc-provider`'s start-up notices (development-only adapter, dev interactions, runtime). Default true. */
  quiet?: boolean;
}

/**
 * The parts of an `oidc-provider` instance (a Koa application) that tests usually touch.
 * It is the real instance: anything else of its API is there too.
 *
 * @example
 * ```ts
 * const op = await startOidcProvider({ clients });
 * op.provider.on("grant.success", () => grants++);
 * ```
 * @see https://github.com/panva/node-oidc-provider/blob/main/docs/README.md
 */
export interface OidcProviderInstance {
  /** The issuer identifier. */
  readonly issuer: string;
  /** The absolute URL of a named route (`"token"`, `"userinfo"`, `"revocation"`, …). */
  urlFor(name: string, options?: Readonly<Record<string, unknown>>): string;
  /** Subscribe to a provider event (`"grant.success"`, `"server_error"`, …). */
  on(event: string, listener: (...args: any[]) => void): this;
  /** Unsubscribe from a provider event. */
  off(event: string, listener: (...args: any[]) => void): this;
  /** The Node request listener of the Koa application. */
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * The endpoints of the running provider (absolute URLs).
 *
 * @example
 * ```ts
 * const me = await fetch(op.endpoints.userinfo, { headers: { authorization: `Bearer ${accessToken}` } });
 * ```
 */
export interface OidcEndpoints {
  discovery: string;
  authorization: string;
  token: string;
  userinfo: string;
  revocation: string;
  jwks: string;
  endSession: string;
}

/**
 * A running provider; see {@link startOidcProvider}.
 *
 * @example
 * ```ts
 * const op: RunningOidcProvider = await startOidcProvider({ clients });
 * oidc({ id: "local", issuer: op.issuer });
 * afterAll(() => op.close());
 * ```
 */
export interface RunningOidcProvider {
  /** The issuer identifier, `http://127.0.0.1:PORT` (no trailing slash). Pass it to `oidc({ issuer })`. */
  readonly issuer: string;
  /** The issuer as a URL, to resolve paths: `new URL("/me", op.url)`. */
  readonly url: URL;
  /** Absolute URLs of the endpoints (the same as in the discovery document). */
  readonly endpoints: Readonly<OidcEndpoints>;
  /** The `oidc-provider` instance itself, e.g. to listen to its events. */
  readonly provider: OidcProviderInstance;
  /** Stop listening and drop open connections. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Options of {@link confidentialClient}.
 *
 * @example
 * ```ts
 * const options: ConfidentialClientOptions = { clientId: "app", clientSecret: "app-secret", redirectUris: ["http://127.0.0.1:3000/login/local/authorized"] };
 * ```
 */
export interface ConfidentialClientOptions {
  clientId: string;
  clientSecret: string;
  /** The exact callback URLs, e.g. `http://127.0.0.1:3000/login/local/authorized`. */
  redirectUris: readonly string[];
  /** Default `client_secret_basic` (Dance's default). */
  tokenEndpointAuthMethod?: "client_secret_basic" | "client_secret_post";
}

/**
 * The metadata of the usual test client: confidential, authorization code flow, allowed to
 * use refresh tokens (so `offline_access`, requested with `prompt=consent`, yields one).
 *
 * @example
 * ```ts
 * const op = await startOidcProvider({
 *   clients: [confidentialClient({ clientId: "app", clientSecret: "app-secret", redirectUris: ["http://127.0.0.1:3000/login/local/authorized"] })],
 * });
 * ```
 */
export function confidentialClient(options: ConfidentialClientOptions): OidcClientMetadata {
  return {
    client_id: options.clientId,
    client_secret: options.clientSecret,
    redirect_uris: [...options.redirectUris],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: options.tokenEndpointAuthMethod ?? "client_secret_basic",
  };
}

/**
 * The claims every login name gets from {@link startOidcProvider}: `sub` is the name itself.
 *
 * @example
 * ```ts
 * defaultClaims("ada") // { sub: "ada", name: "ada", preferred_username: "ada", email: "ada@example.test", email_verified: true }
 * ```
 */
export function defaultClaims(login: string): Record<string, unknown> {
  return { sub: login, name: login, preferred_username: login, email: `${login}@example.test`, email_verified: true };
}

type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProviderInstance & { Client: { find(id: string): Promise<unknown> } };

let quietCalls = 0;
let consoleBefore: { warn: typeof console.warn; info: typeof console.info } | undefined;

/**
 * Run `fn` with `oidc-provider`'s console notices filtered out (they all start with
 * "oidc-provider "). Counted, so overlapping starts restore the console exactly once.
 */
async function withoutProviderNotices<T>(quiet: boolean, fn: () => Promise<T>): Promise<T> {
  if (!quiet) return fn();
  if (quietCalls++ === 0) {
    const { warn, info } = console;
    consoleBefore = { warn, info };
    const isNotice = (args: unknown[]) => typeof args[0] === "string" && /^(\x1b\[[\d;]*m)?oidc-provider (WARNING|NOTICE)/.test(args[0]);
    console.warn = (...args: unknown[]) => (isNotice(args) ? undefined : warn.apply(console, args));
    console.info = (...args: unknown[]) => (isNotice(args) ? undefined : info.apply(console, args));
  }
  try {
    return await fn();
  } finally {
    if (--quietCalls === 0 && consoleBefore) {
      console.warn = consoleBefore.warn;
      console.info = consoleBefore.info;
      consoleBefore = undefined;
    }
  }
}

async function loadProvider(): Promise<ProviderConstructor> {
  // A specifier in a variable: oidc-provider ships no types, and this module only needs its constructor.
  const specifier: string = "oidc-provider";
  const mod = (await import(specifier)) as { default: ProviderConstructor };
  return mod.default;
}

function mergeConfiguration(base: Record<string, unknown>, extra: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (!extra) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    const nested = key === "features" || key === "ttl" || key === "claims";
    out[key] = nested && current && typeof current === "object" && value && typeof value === "object" ? { ...current, ...value } : value;
  }
  return out;
}

/**
 * Start a real OpenID Provider (panva's `oidc-provider` v9) in this process, on
 * `http://127.0.0.1:<random port>`, for end-to-end tests and the zero-credential demo.
 *
 * What it is configured with:
 * - any login name works on the built-in login page (the password is ignored) and yields
 *   {@link defaultClaims} (plus `accounts[login]`); scopes `openid profile email offline_access`;
 * - PKCE is required for every client (S256: the only method `oidc-provider` 9 implements);
 * - a refresh token is issued when `offline_access` is granted to a client whose
 *   `grant_types` include `refresh_token` (as {@link confidentialClient} does).
 *   `oidc-provider` keeps `offline_access` only in requests with `prompt=consent` (OpenID
 *   Connect Core §11); `oidc()` adds it whenever the scope has `offline_access`, e.g.
 *   `oidc({ …, scope: [..., "offline_access"], refresh: true })`; the consent page is then
 *   shown on every login;
 * - authorization responses carry `iss` (RFC 9207; always on in v9, announced in discovery);
 * - userinfo (`/me`) and token revocation (`/token/revocation`, RFC 7009) are enabled;
 * - only the `code` response type; fresh RSA signing keys and cookie keys on every start;
 *   in-memory storage, so a restart forgets every session and token;
 * - `clockTolerance` 0, so a token stops working exactly at the end of its `ttl`.
 *
 * @example
 * ```ts
 * import { confidentialClient, startOidcProvider } from "@dance/testing";
 *
 * const op = await startOidcProvider({
 *   clients: [confidentialClient({ clientId: "app", clientSecret: "app-secret", redirectUris: ["http://127.0.0.1:3000/login/local/authorized"] })],
 *   ttl: { AccessToken: 2 }, // short-lived access tokens, to test refreshing
 * });
 * const dance = createDance({ secret, providers: [oidc({ id: "local", issuer: op.issuer, clientId: "app", clientSecret: "app-secret" })] });
 * // …
 * await op.close();
 * ```
 * @see https://github.com/panva/node-oidc-provider/blob/main/docs/README.md
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  if (!options || !Array.isArray(options.clients) || options.clients.length === 0) {
    throw new TypeError("startOidcProvider: `clients` must list at least one client, e.g. [confidentialClient({ clientId, clientSecret, redirectUris })].");
  }
  const quiet = options.quiet !== false;
  const Provider = await withoutProviderNotices(quiet, loadProvider);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };
  const accounts = options.accounts ?? {};
  const findAccount: FindAccount =
    options.findAccount ??
    ((_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ ...defaultClaims(sub), ...accounts[sub], sub }),
    }));

  const configuration = mergeConfiguration(
    {
      clients: options.clients.map((client) => structuredClone({ ...client })),
      findAccount,
      jwks: { keys: [signingKey] },
      cookies: { keys: [randomBytes(32).toString("base64url")] },
      claims: {
        openid: ["sub"],
        profile: ["name", "preferred_username"],
        email: ["email", "email_verified"],
      },
      scopes: ["openid", "offline_access", "profile", "email"],
      responseTypes: ["code"],
      clockTolerance: options.clockTolerance ?? 0,
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: true },
        userinfo: { enabled: true },
        revocation: {
          enabled: true,
          // The default policy, without its "you should change this" notice: a client revokes its own tokens.
          allowedPolicy: (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) => token.clientId === client.clientId,
        },
      },
      ttl: {
        AccessToken: 3600,
        AuthorizationCode: 60,
        IdToken: 3600,
        RefreshToken: 14 * 24 * 3600,
        Interaction: 3600,
        Session: 14 * 24 * 3600,
        Grant: 14 * 24 * 3600,
        ClientCredentials: 600,
        ...options.ttl,
      },
      // A plain error page (the default one logs a notice and loads a web font).
      renderError(ctx: { type: string; body: string }, out: Record<string, unknown>) {
        ctx.type = "html";
        ctx.body = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(String(out.error))}</title><h1>${escapeHtml(String(out.error))}</h1><p>${escapeHtml(String(out.error_description ?? ""))}</p>`;
      },
    },
    options.configuration,
  );

  let provider: OidcProviderInstance & { Client: { find(id: string): Promise<unknown> } };
  try {
    provider = await withoutProviderNotices(quiet, async () => new Provider(issuer, configuration));
    // Static clients are validated lazily: look each one up now so bad metadata fails here, not at the first login.
    for (const client of options.clients) {
      try {
        await provider.Client.find(client.client_id);
      } catch (cause) {
        const detail = (cause as { error_description?: string }).error_description ?? (cause as Error).message;
        throw new TypeError(`startOidcProvider: client "${client.client_id}" is invalid: ${detail}`, { cause });
      }
    }
  } catch (error) {
    server.close();
    throw error;
  }
  server.on("request", provider.callback());

  const endpoint = (name: string) => provider.urlFor(name);
  const endpoints: OidcEndpoints = Object.freeze({
    discovery: `${issuer}/.well-known/openid-configuration`,
    authorization: endpoint("authorization"),
    token: endpoint("token"),
    userinfo: endpoint("userinfo"),
    revocation: endpoint("revocation"),
    jwks: endpoint("jwks"),
    endSession: endpoint("end_session"),
  });

  let closing: Promise<void> | undefined;
  return Object.freeze({
    issuer,
    url: new URL(issuer),
    endpoints,
    provider,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of fetch clients would hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  });
}
