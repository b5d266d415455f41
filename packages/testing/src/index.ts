/**
 * `@dance/testing`: what your own test suite needs to test code built on Dance —
 * the memory and null storages, and (added below) a real in-process OpenID Provider,
 * a fake provider for fault injection, and a cookie-keeping HTTP client.
 * @module
 */
export { MemoryStorage, NullStorage } from "@dance/core";
export { startFakeProvider } from "./fake-provider.js";
export type { AuthorizationRecord, FakeProvider, FakeProviderOptions, RecordedRequest, SignOptions, StandardTokenOptions, TokenHandler, TokenReply, TokenRequestContext } from "./fake-provider.js";
export { confidentialClient, defaultClaims, startOidcProvider } from "./oidc-provider.js";
export type { ConfidentialClientOptions, FindAccount, OidcAccount, OidcClientMetadata, OidcEndpoints, OidcProviderInstance, OidcProviderOptions, OidcTtl, RunningOidcProvider, TtlValue } from "./oidc-provider.js";
export { CookieStore, createBrowser, loginAtProvider } from "./client.js";
export type { Browser, BrowserOptions, FollowOptions, FormInput, InProcessHandler, ProviderLoginOptions, ProviderLoginResult, StoredCookie } from "./client.js";
export { fakeProvider } from "./preset-fake.js";
export type { FakeCallback, PresetFake, PresetFakeOptions } from "./preset-fake.js";
export { startOAuth1Provider, type OAuth1ProviderClient, type OAuth1ProviderOptions, type RunningOAuth1Provider } from "./oauth1-provider.js";
export { CHROMIUM_ARGS, findChromium } from "./chromium.js";
