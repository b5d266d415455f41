import type { OAuth1ProviderDefinition } from "@dance/core";
import { oauth1Protocol } from "@dance/core/oauth1";

/**
 * Options of {@link oauth1}: every field of an OAuth 1.0a provider definition except `protocol` and
 * `support` (the factory sets `oauth1Protocol` from `@dance/core/oauth1`).
 *
 * @example
 * ```ts
 * const options: OAuth1Options<"printer"> = { id: "printer", requestTokenUrl, authorizationUrl, accessTokenUrl, signatureMethod: "RSA-SHA1" };
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-2
 */
export type OAuth1Options<Id extends string = string> = Omit<OAuth1ProviderDefinition<Id>, "protocol" | "support">;

/**
 * A custom OAuth 1.0a provider from its three endpoints (Flask-Dance's `OAuth1ConsumerBlueprint`).
 * HMAC-SHA1 by default, with credentials from `<ID>_OAUTH_CLIENT_KEY` / `_SECRET`; RSA-SHA1 with
 * `signatureMethod: "RSA-SHA1"` and `rsaKey` (PEM text) or `<ID>_OAUTH_RSA_KEY`. The request-token
 * secret is kept in the sealed login transaction; `session.fetch` signs every API call.
 *
 * @example
 * ```ts
 * oauth1({
 *   id: "printer",
 *   requestTokenUrl: "https://photos.example.net/initiate",
 *   authorizationUrl: "https://photos.example.net/authorize",
 *   accessTokenUrl: "https://photos.example.net/token",
 *   apiBaseUrl: "https://photos.example.net/",
 * })
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-2
 */
export function oauth1<const Id extends string>(options: OAuth1Options<Id>): OAuth1ProviderDefinition<Id> {
  return { ...options, protocol: "oauth1", support: oauth1Protocol };
}

/** The part of `node:fs/promises` that {@link readKeyFile} uses. */
interface FsPromises {
  readFile(path: string, encoding: "utf8"): Promise<string>;
}

/**
 * Read a PEM key file: the `rsaKeyFile` hook for `rsaKey` values that are file paths (Flask-Dance's
 * Jira reads `rsa_key` as a path "if it exists"). Works where `node:fs` exists — Node ≥ 20.16,
 * Deno, Bun — reached through `process.getBuiltinModule()` when a path is configured, never
 * imported: `@dance/core` and this package import nothing from `node:`, so Workers bundles (and
 * Miniflare, which refuses computed `import()` specifiers) are unaffected. On Cloudflare Workers
 * (no file system) it fails with a message saying to give the PEM text instead.
 *
 * @example
 * ```ts
 * oauth1({ id: "printer", signatureMethod: "RSA-SHA1", rsaKey: "/etc/printer/key.pem", hooks: { rsaKeyFile: readKeyFile }, … })
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-3.4.3 (RSA-SHA1)
 * @see https://nodejs.org/api/process.html#processgetbuiltinmoduleid
 */
export async function readKeyFile(path: string): Promise<string> {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.("node:fs/promises") as FsPromises | undefined;
  if (!fs) throw new Error("this runtime has no file system (node:fs): give the PEM text of the key instead of a file path");
  return fs.readFile(path, "utf8");
}
