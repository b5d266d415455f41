/**
 * The client side of an OAuth 1.0a consumer: its credentials and signature method, checked and
 * imported once ({@link createOAuth1Signer}); nonces and timestamps.
 *
 * @module
 */
import { toBase64 } from "../base64.js";
import { DanceConfigError } from "../errors.js";
import { checkRealm, percentEncode } from "./base-string.js";
import { checkRsaCryptoKey, importRsaPrivateKey, RSA_SHA1 } from "./keys.js";

/**
 * The signature methods of RFC 5849 §3.4. `HMAC-SHA1` is the default; `PLAINTEXT` sends the
 * secrets themselves and is refused on any URL that is not https.
 *
 * @example
 * ```ts
 * const method: OAuth1SignatureMethod = "RSA-SHA1";
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4 RFC 5849 §3.4 Signature}
 */
export type OAuth1SignatureMethod = "HMAC-SHA1" | "RSA-SHA1" | "PLAINTEXT";

/**
 * Options of {@link createOAuth1Signer}: the client credentials (RFC 5849 §1.1) and how to sign.
 *
 * @example
 * ```ts
 * const options: OAuth1SignerOptions = { consumerKey: "key", consumerSecret: "secret", realm: "Photos" };
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-1.1 RFC 5849 §1.1 Terminology (client credentials)}
 */
export interface OAuth1SignerOptions {
  /** The client identifier, sent as `oauth_consumer_key`. */
  consumerKey: string;
  /** The client shared-secret. Required for `HMAC-SHA1` and `PLAINTEXT`; not used by `RSA-SHA1`. */
  consumerSecret?: string | undefined;
  /**
   * For `RSA-SHA1`: the client's RSA private key, as PEM text — PKCS#8 (`BEGIN PRIVATE KEY`) or
   * PKCS#1 (`BEGIN RSA PRIVATE KEY`), unencrypted — or a WebCrypto `CryptoKey` imported for
   * `{ name: "RSASSA-PKCS1-v1_5", hash: "SHA-1" }` with the `sign` usage.
   */
  privateKey?: string | CryptoKey | undefined;
  /** Default `"HMAC-SHA1"`. */
  signatureMethod?: OAuth1SignatureMethod | undefined;
  /** The optional `realm` of the `Authorization` header (RFC 5849 §3.5.1); never signed. */
  realm?: string | undefined;
  /**
   * Send `oauth_version="1.0"`. Default true: the parameter is optional (RFC 5849 §3.1), but some
   * providers insist on it and none refuses it.
   */
  includeVersion?: boolean | undefined;
}

/**
 * A configured OAuth 1.0a client, ready to sign: frozen, its keys imported once. Made by
 * {@link createOAuth1Signer}; used by `signOAuth1Request` and friends.
 *
 * @example
 * ```ts
 * const signer: OAuth1Signer = await createOAuth1Signer({ consumerKey: "key", consumerSecret: "secret" });
 * signer.signatureMethod; // "HMAC-SHA1"
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4 RFC 5849 §3.4 Signature}
 */
export interface OAuth1Signer {
  /** `oauth_consumer_key`. */
  readonly consumerKey: string;
  /** `oauth_signature_method`. */
  readonly signatureMethod: OAuth1SignatureMethod;
  /** The `realm` of the `Authorization` header, if any. */
  readonly realm: string | undefined;
  /** Whether `oauth_version="1.0"` is sent. */
  readonly includeVersion: boolean;
  /**
   * The `oauth_signature` value of a signature base string (RFC 5849 §3.4.2–3.4.4), base64 for
   * the HMAC and RSA methods. `tokenSecret` is the token shared-secret (`""` when there is
   * none). For `PLAINTEXT` the base string is not used, and nothing here checks for https:
   * `oauth1Sign` does.
   */
  signature(baseString: string, tokenSecret: string): Promise<string>;
}

const METHODS: readonly OAuth1SignatureMethod[] = ["HMAC-SHA1", "RSA-SHA1", "PLAINTEXT"];
const UTF8 = new TextEncoder();
/** Most recently used HMAC keys kept per signer: a user's token secret signs many requests. */
const HMAC_CACHE_SIZE = 128;

const base64 = (bytes: ArrayBuffer) => toBase64(new Uint8Array(bytes));

/** RFC 5849 §3.4.2 / §3.4.4: the key is the encoded client secret, `&`, the encoded token secret. */
function signingKey(consumerSecret: string, tokenSecret: string): string {
  return `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
}

/**
 * Check OAuth 1.0a client credentials and prepare them for signing: the RSA private key is
 * imported here, once (HMAC keys, which include the token secret, are imported on first use and
 * cached). Every configuration problem — an unknown method, a missing secret, a key that is not
 * a usable unencrypted RSA private key — rejects with a `DanceConfigError` (a `DanceError` with
 * code `invalid_config`) whose message never contains the secret or key.
 *
 * @example
 * ```ts
 * const signer = await createOAuth1Signer({ consumerKey: "key", consumerSecret: "secret" }); // HMAC-SHA1
 * const rsa = await createOAuth1Signer({
 *   consumerKey: "key",
 *   signatureMethod: "RSA-SHA1",
 *   privateKey: "-----BEGIN RSA PRIVATE KEY-----\n…\n-----END RSA PRIVATE KEY-----",
 * });
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.4 RFC 5849 §3.4 Signature}
 */
export async function createOAuth1Signer(options: OAuth1SignerOptions): Promise<OAuth1Signer> {
  const { consumerKey, consumerSecret, privateKey, realm } = options;
  const signatureMethod = options.signatureMethod ?? "HMAC-SHA1";
  if (typeof consumerKey !== "string" || consumerKey === "") throw new DanceConfigError("OAuth 1: consumerKey must be a non-empty string");
  if (!METHODS.includes(signatureMethod)) {
    throw new DanceConfigError(`OAuth 1: signatureMethod must be one of ${METHODS.join(", ")}, not ${String(signatureMethod)}`);
  }
  if (realm !== undefined) {
    try {
      checkRealm(realm);
    } catch (cause) {
      throw new DanceConfigError((cause as Error).message, { cause });
    }
  }
  const includeVersion = options.includeVersion ?? true;
  let signature: OAuth1Signer["signature"];

  if (signatureMethod === "RSA-SHA1") {
    if (privateKey === undefined || privateKey === "") throw new DanceConfigError("OAuth 1 RSA-SHA1: privateKey is required (PEM text or a CryptoKey)");
    let key: CryptoKey;
    try {
      key = typeof privateKey === "string" ? await importRsaPrivateKey(privateKey) : checkRsaCryptoKey(privateKey);
    } catch (cause) {
      throw new DanceConfigError((cause as Error).message, { cause });
    }
    signature = async (baseString) => base64(await crypto.subtle.sign(RSA_SHA1, key, UTF8.encode(baseString)));
  } else {
    if (typeof consumerSecret !== "string") throw new DanceConfigError(`OAuth 1 ${signatureMethod}: consumerSecret is required`);
    if (privateKey !== undefined) throw new DanceConfigError(`OAuth 1 ${signatureMethod}: privateKey is only used by RSA-SHA1`);
    if (signatureMethod === "PLAINTEXT") {
      signature = async (_baseString, tokenSecret) => signingKey(consumerSecret, tokenSecret);
    } else {
      const keys = new Map<string, Promise<CryptoKey>>();
      const hmacKey = (tokenSecret: string): Promise<CryptoKey> => {
        const cached = keys.get(tokenSecret);
        if (cached) {
          keys.delete(tokenSecret);
          keys.set(tokenSecret, cached);
          return cached;
        }
        const key = crypto.subtle.importKey("raw", UTF8.encode(signingKey(consumerSecret, tokenSecret)), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
        keys.set(tokenSecret, key);
        if (keys.size > HMAC_CACHE_SIZE) keys.delete(keys.keys().next().value!);
        return key;
      };
      signature = async (baseString, tokenSecret) => base64(await crypto.subtle.sign("HMAC", await hmacKey(tokenSecret), UTF8.encode(baseString)));
    }
  }

  return Object.freeze({ consumerKey, signatureMethod, realm, includeVersion, signature });
}

/**
 * A fresh `oauth_nonce`: 32 octets from `crypto.getRandomValues`, as 64 lower-case hex digits.
 * Hex rather than base64url because some servers accept only letters and digits in a nonce
 * (oauthlib's default validator among them).
 *
 * @example
 * ```ts
 * generateNonce(); // "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.3 RFC 5849 §3.3 Nonce and Timestamp}
 */
export function generateNonce(): string {
  const octets = crypto.getRandomValues(new Uint8Array(32));
  let hex = "";
  for (const octet of octets) hex += octet.toString(16).padStart(2, "0");
  return hex;
}

/**
 * An `oauth_timestamp`: whole seconds since the epoch, as a decimal string.
 *
 * @param now The clock in milliseconds since the epoch (default `Date.now()`).
 * @example
 * ```ts
 * oauthTimestamp(1_700_000_000_123); // "1700000000"
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc5849#section-3.3 RFC 5849 §3.3 Nonce and Timestamp}
 */
export function oauthTimestamp(now: number = Date.now()): string {
  if (!Number.isFinite(now) || now < 0) throw new TypeError("OAuth 1: the clock must give a non-negative number of milliseconds");
  return String(Math.floor(now / 1000));
}
