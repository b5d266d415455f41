/**
 * The sealed login transactions of a provider: one cookie per provider holding every login
 * this browser has pending with it (two tabs, two logins), bounded in number and size, oldest
 * evicted. A callback consumes only its own entry; a callback that matches none clears them
 * all (it is forged or broken, SECURITY.md). Each entry carries its own expiry inside the seal.
 *
 * @internal
 * @module
 */
import type { RequestCookieJar } from "./cookie-jar.js";
import type { DanceErrorCode } from "./errors.js";

/** One pending login (short field names keep the cookie small). */
export interface LoginTransaction {
  /** provider id */
  p: string;
  /** state (OAuth 1: the request token, which the callback's `oauth_token` must equal) */
  s: string;
  /** PKCE code verifier ("" for OAuth 1, which has none) */
  v: string;
  /** OAuth 1: the request-token secret, which signs the access-token request */
  k?: string;
  /** OIDC nonce */
  n?: string;
  /** issuer expected in `iss` / the id_token */
  i?: string;
  /** redirect_uri */
  r: string;
  /** return-to path or URL (checked again at the final redirect) */
  t: string;
  /** expires at, ms */
  e: number;
  /** the scope asked for, when it is more than the configured one (incremental authorization) */
  sc?: string;
}

/** At most this many pending logins per provider and browser. */
const MAX_PENDING = 5;
/** Keep the sealed cookie in one piece (< 3800 bytes): a seal grows JSON by about 4/3 (base64url) plus a few dozen bytes. */
const MAX_JSON_BYTES = 2600;

/** The transaction cookie name of a provider (`__Host-` is added on https). */
export const transactionCookie = (provider: string) => `dance-tx-${provider}`;
const purpose = (provider: string) => `tx:${provider}`;

async function pending(jar: RequestCookieJar, provider: string, now: number): Promise<LoginTransaction[]> {
  const opened = await jar.openSealed<unknown>(transactionCookie(provider), purpose(provider));
  if (!opened?.ok || !Array.isArray(opened.value)) return [];
  return (opened.value as LoginTransaction[]).filter((tx) => typeof tx === "object" && tx !== null && typeof tx.e === "number" && tx.e > now);
}

async function write(jar: RequestCookieJar, provider: string, list: LoginTransaction[], now: number, sameSite: "Lax" | "None"): Promise<void> {
  if (list.length === 0) return jar.deleteSealed(transactionCookie(provider));
  const maxAge = Math.ceil((Math.max(...list.map((tx) => tx.e)) - now) / 1000);
  await jar.setSealed(transactionCookie(provider), purpose(provider), list, maxAge, { sameSite });
}

/** Add a login to the browser's pending ones for `provider` (evicting the oldest beyond the bounds). */
export async function saveTransaction(jar: RequestCookieJar, tx: LoginTransaction, now: number, sameSite: "Lax" | "None"): Promise<void> {
  const list = [...(await pending(jar, tx.p, now)), tx];
  while (list.length > MAX_PENDING || (list.length > 1 && JSON.stringify(list).length > MAX_JSON_BYTES)) list.shift();
  await write(jar, tx.p, list, now, sameSite);
}

/** What a callback found among the pending logins. */
export type TakeResult =
  | { kind: "absent" }
  | { kind: "invalid" }
  | { kind: "expired" }
  | { kind: "no_state" }
  | { kind: "mismatch" }
  | { kind: "found"; tx: LoginTransaction };

/**
 * Take the login `states` belongs to out of the pending ones (compared in constant time), and
 * rewrite the cookie: without that entry when found, cleared otherwise.
 */
export async function takeTransaction(
  jar: RequestCookieJar,
  provider: string,
  states: readonly string[],
  now: number,
  sameSite: "Lax" | "None",
): Promise<TakeResult> {
  const name = transactionCookie(provider);
  const opened = await jar.openSealed<unknown>(name, purpose(provider));
  if (opened === null) return { kind: "absent" };
  jar.deleteSealed(name);
  if (!opened.ok) return { kind: opened.reason === "expired" ? "expired" : "invalid" };
  if (!Array.isArray(opened.value) || opened.value.length === 0) return { kind: "invalid" };
  const list = opened.value as LoginTransaction[];
  if (states.length === 0 || states[0] === "") return { kind: "no_state" };
  const index = states.length === 1 ? list.findIndex((tx) => typeof tx?.s === "string" && timingSafeEqual(states[0]!, tx.s)) : -1;
  if (index === -1) return { kind: "mismatch" };
  const tx = list[index]!;
  // The other tabs' logins stay pending.
  await write(jar, provider, list.filter((other, i) => i !== index && typeof other?.e === "number" && other.e > now), now, sameSite);
  if (typeof tx.e !== "number" || tx.e <= now) return { kind: "expired" };
  return { kind: "found", tx };
}

/**
 * Why a callback found no login to finish, as the code and message of its DanceError. `words`
 * says what carries the state in the protocol (OAuth 2's `state`, OAuth 1.0a's `oauth_token`).
 */
export function transactionFailure(
  kind: Exclude<TakeResult["kind"], "found">,
  provider: string,
  insecureOrigin: boolean,
  words: { noState: string; mismatch: string },
): [DanceErrorCode, string] {
  switch (kind) {
    case "absent":
      if (insecureOrigin) {
        return [
          "insecure_origin",
          "No login cookie came back: this app is served over plain http on a host that is not loopback, so Dance's cookies are Secure and the browser dropped them. Serve it over https (behind a proxy: set `trustProxy` or `baseUrl`).",
        ];
      }
      return ["missing_transaction", `No login in progress for ${provider} in this browser (or it was already completed). Start again from the login link.`];
    case "invalid":
      return ["missing_transaction", `No login in progress for ${provider} in this browser (or it was already completed). Start again from the login link.`];
    case "expired":
      return ["transaction_expired", `The login with ${provider} took too long. Start again from the login link.`];
    case "no_state":
      return ["state_missing", words.noState];
    case "mismatch":
      return ["state_mismatch", words.mismatch];
  }
}

/** Forget every pending login of `provider` in this browser. */
export function clearTransactions(jar: RequestCookieJar, provider: string): void {
  jar.deleteSealed(transactionCookie(provider));
}

/** Compare two strings in time independent of where they differ. */
function timingSafeEqual(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  // Always walk the expected value's length, so the time does not depend on where they differ.
  let diff = ea.length ^ eb.length;
  for (let i = 0; i < eb.length; i++) diff |= (ea[i] ?? 0) ^ eb[i]!;
  return diff === 0;
}
