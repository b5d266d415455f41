/**
 * `@dance/core`: the OAuth 2 / OpenID Connect dance on web-standard `Request`/`Response`.
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
export type { BeginLoginOptions, Dance, SubscribeOptions, WithCookies } from "./dance.js";
export { DanceConfigError, DanceError, ERROR_STATUS, isDanceError } from "./errors.js";
export type { DanceErrorCode, DanceErrorOptions, ProviderErrorDetails } from "./errors.js";
export { ProviderSession } from "./session.js";
export { cookieStorage, MemoryStorage, NullStorage } from "./storage.js";
export type { CookieStorageOptions } from "./storage.js";
export { parseCookieHeader, serializeCookie } from "./cookies.js";
export type { CookieOptions } from "./cookies.js";
export { MIN_SECRET_LENGTH } from "./seal.js";
export type { SecretInput } from "./seal.js";
export { envPrefix, DEFAULT_ID_TOKEN_ALGS } from "./provider.js";
export type { CompleteLoginResult } from "./login.js";
export type {
  AuthorizedEvent,
  BeforeLoginEvent,
  CookieJar,
  DanceConfig,
  DanceEventName,
  DanceEvents,
  DebugRecord,
  ErrorEvent,
  OAuth2ProviderDefinition,
  ParamValue,
  ProviderDefinition,
  ProviderHooks,
  StorageContext,
  Token,
  TokenStorage,
} from "./types.js";
