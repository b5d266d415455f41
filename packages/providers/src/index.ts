/**
 * `@dance/providers`: provider presets (one small file each, also importable by subpath,
 * e.g. `@dance/providers/github`) and the `oauth2()` / `oidc()` / `oauth1()` factories for custom ones.
 * @module
 */
export { oauth2 } from "./oauth2.js";
export type { OAuth2Options } from "./oauth2.js";
export { oidc } from "./oidc.js";
export type { OidcOptions } from "./oidc.js";
export { oauth1, readKeyFile } from "./oauth1.js";
export type { OAuth1Options } from "./oauth1.js";
export { github } from "./github.js";
export type { GitHubOptions } from "./github.js";
export { google } from "./google.js";
export type { GoogleOptions } from "./google.js";
export { jira } from "./jira.js";
export type { JiraOptions } from "./jira.js";
export { twitter } from "./twitter.js";
export type { TwitterOptions } from "./twitter.js";
