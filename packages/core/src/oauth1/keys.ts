/**
 * RSA private keys for RSA-SHA1, from PEM text to a non-extractable WebCrypto `CryptoKey`.
 *
 * WebCrypto imports private keys as PKCS#8 only. A PKCS#1 key (`BEGIN RSA PRIVATE KEY`, what
 * `openssl genrsa` wrote for years and what many OAuth 1 guides still show) is the `privateKey`
 * OCTET STRING inside a PKCS#8 `PrivateKeyInfo`, so it is wrapped here in the few DER bytes that
 * say "version 0, rsaEncryption, NULL parameters" (RFC 5208 §5, RFC 8017 Appendix A.1.2).
 *
 * @internal
 * @module
 */

/** The RSASSA-PKCS1-v1_5 / SHA-1 algorithm of RSA-SHA1 (RFC 5849 §3.4.3). */
export const RSA_SHA1 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-1" } as const;

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

/** DER length octets (X.690 §8.1.3): short form below 128, long form above. */
function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return [0x80 | octets.length, ...octets];
}

function derTlv(tag: number, content: Uint8Array | readonly number[]): Uint8Array<ArrayBuffer> {
  const header = [tag, ...derLength(content.length)];
  const out = new Uint8Array(header.length + content.length);
  out.set(header, 0);
  out.set(content, header.length);
  return out;
}

/** `INTEGER 0` and `AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }`. */
const PKCS8_RSA_PREFIX = [0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

/** Wrap a PKCS#1 `RSAPrivateKey` (DER) into a PKCS#8 `PrivateKeyInfo` (DER). */
export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  const octetString = derTlv(0x04, pkcs1);
  const content = new Uint8Array(PKCS8_RSA_PREFIX.length + octetString.length);
  content.set(PKCS8_RSA_PREFIX, 0);
  content.set(octetString, PKCS8_RSA_PREFIX.length);
  return derTlv(0x30, content);
}

function base64Decode(text: string): Uint8Array<ArrayBuffer> {
  const compact = text.replace(/\s+/g, "");
  if (compact === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw new TypeError("not base64");
  const binary = atob(compact);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const HINT = 'give the PEM text of an RSA private key: "-----BEGIN PRIVATE KEY-----" (PKCS#8) or "-----BEGIN RSA PRIVATE KEY-----" (PKCS#1)';

/** True when `text` holds a PEM block (as opposed to, say, a file path). */
export function looksLikePem(text: string): boolean {
  return text.includes("-----BEGIN ");
}

/**
 * Check a PEM RSA private key (PKCS#8 or PKCS#1, unencrypted) and return its label and PKCS#8
 * DER, without WebCrypto: synchronous, so a configuration can be checked when it is created.
 * `\n` escapes (a PEM squeezed into one line of an env file) count as line breaks. Every failure
 * is a `TypeError` whose message says what was wrong and never contains key material.
 */
export function parseRsaPrivateKeyPem(pem: string): { label: string; pkcs8: Uint8Array<ArrayBuffer> } {
  const match = PEM.exec(pem.includes("\\n") ? pem.replace(/\\n/g, "\n") : pem);
  if (!match) throw new TypeError(`OAuth 1 RSA-SHA1: privateKey is not PEM; ${HINT}`);
  const label = match[1]!;
  const body = match[2]!;
  if (label === "ENCRYPTED PRIVATE KEY" || /Proc-Type:\s*4,ENCRYPTED/i.test(body)) {
    throw new TypeError("OAuth 1 RSA-SHA1: the private key is encrypted; decrypt it first (openssl pkcs8 -topk8 -nocrypt)");
  }
  if (label !== "PRIVATE KEY" && label !== "RSA PRIVATE KEY") {
    throw new TypeError(`OAuth 1 RSA-SHA1: a "${label}" is not an RSA private key; ${HINT}`);
  }
  let der: Uint8Array<ArrayBuffer>;
  try {
    der = base64Decode(body);
  } catch {
    throw new TypeError(`OAuth 1 RSA-SHA1: the "${label}" PEM body is not valid base64`);
  }
  if (der[0] !== 0x30) throw new TypeError(`OAuth 1 RSA-SHA1: the "${label}" PEM body is not a DER SEQUENCE`);
  return { label, pkcs8: label === "RSA PRIVATE KEY" ? pkcs1ToPkcs8(der) : der };
}

/**
 * Import a PEM RSA private key (PKCS#8 or PKCS#1, unencrypted) for RSASSA-PKCS1-v1_5 with SHA-1.
 * Every failure is a `TypeError` whose message says what was wrong and never contains key material.
 */
export async function importRsaPrivateKey(pem: string): Promise<CryptoKey> {
  const { label, pkcs8 } = parseRsaPrivateKeyPem(pem);
  try {
    return await crypto.subtle.importKey("pkcs8", pkcs8, RSA_SHA1, false, ["sign"]);
  } catch (cause) {
    throw new TypeError(`OAuth 1 RSA-SHA1: the "${label}" could not be imported as an RSA private key`, { cause });
  }
}

/** Check a caller-supplied `CryptoKey` for RSA-SHA1. */
export function checkRsaCryptoKey(key: CryptoKey): CryptoKey {
  const algorithm = key.algorithm as Partial<RsaHashedKeyAlgorithm>;
  if (key.type !== "private" || algorithm.name !== RSA_SHA1.name || algorithm.hash?.name !== "SHA-1" || !key.usages.includes("sign")) {
    throw new TypeError('OAuth 1 RSA-SHA1: a CryptoKey must be a private RSASSA-PKCS1-v1_5 key with hash "SHA-1" and the "sign" usage');
  }
  return key;
}
