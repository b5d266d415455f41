/**
 * `@dance/core`: the OAuth 2 / OpenID Connect and OAuth 1.0a dance on web-standard
 * `Request`/`Response`. The OAuth 1.0a signing layer on its own is `@dance/core/oauth1`.
 *
 * @example
 * ```ts
 * import { createDance } from "@dance/core";
 * import { github } from "@dance/providers/github";
 *
 * const dance = createDance({ secret: process.env.DANCE_SECRET, providers: [github()] });
 * export const GET = dance.handler; // serves /login/github and /login/github/authorized
 * ```
 * @module
 */
export { createDance } from "./dance.js";
export type { ContextOptions, Dance, DanceEnv, SubscribeOptions, TokenForOptions, WithCookies } from "./dance.js";
export type { DanceConfig, DanceWarning } from "./config.js";
export type { BeginLoginOptions, DanceContext } from "./instance.js";
export type { CompleteLoginResult } from "./login.js";
export { DanceConfigError, DanceError, ERROR_STATUS, escapeHtml, isDanceError, StorageError } from "./errors.js";
export type { DanceErrorCode, DanceErrorOptions, ProviderErrorDetails, StorageErrorCode } from "./errors.js";
export type { AuthorizedEvent, BeforeLoginEvent, DanceEventName, DanceEvents, ErrorEvent, ReauthRequiredEvent, RefreshedEvent } from "./events.js";
export { ProviderSession } from "./session.js";
export type { EndSessionOptions, LoginUrlOptions } from "./session.js";
export { cookieStorage, MemoryStorage, NullStorage } from "./storage.js";
export { defaultIsAnonymous, StorageUsers } from "./storage-users.js";
export type { Assignment, Resolver, StorageUser, UserOptions } from "./storage-users.js";
export type { CookieStorageOptions } from "./storage.js";
export { applyCookies, NO_STORE, parseCookieHeader, serializeCookie, setCookieHeader } from "./cookies.js";
export type { CookieChange, CookieOptions } from "./cookies.js";
export { createSealBox, MIN_SECRET_LENGTH } from "./seal.js";
export type { SecretInput } from "./seal.js";
export { DEFAULT_ID_TOKEN_ALGS, envPrefix } from "./provider.js";
export { isLoopbackHost, isValidHost } from "./http.js";
export type {
  CookieJar,
  DebugRecord,
  OAuth1ProviderDefinition,
  OAuth1ProviderHooks,
  OAuth2ProviderDefinition,
  ParamValue,
  ProviderDefinition,
  ProviderFacts,
  ProviderHooks,
  ProtocolSupport,
  RevokeContext,
  SealBox,
  StorageContext,
  Token,
  TokenAnswer,
  TokenStorage,
} from "./types.js";
