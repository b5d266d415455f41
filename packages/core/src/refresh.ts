/**
 * Refresh that never loses a token: the refresh-token grant (RFC 6749 §6) validated like the
 * code exchange (a refreshed id_token names the same iss, sub and aud, OIDC Core §12.2), run
 * once per refresh token in this process and under the storage's lock across instances; a
 * newer token someone else stored wins, and only a refusal of the newest token is final —
 * after which the token is deleted, unless a newer one has been stored meanwhile.
 *
 * @internal
 * @module
 */
import { DanceError } from "./errors.js";
import { storedClaims } from "./claims.js";
import type { ResolvedProvider } from "./metadata.js";
import { postForm } from "./oauth2.js";
import { stepsOf, type AnyProvider } from "./protocol.js";
import type { RefreshFlights } from "./shared.js";
import { callTokenEndpoint, tokenFromAnswer } from "./tokens.js";
import type { StorageContext, Token, TokenStorage } from "./types.js";

/** Refresh this long before `expires_at` (SECURITY.md: 60 s). */
export const REFRESH_LEEWAY_S = 60;

/** True when `token` has at least the leeway left (or no expiry). */
export function isFresh(token: Token, nowMs: number): boolean {
  return token.expires_at === undefined || token.expires_at - REFRESH_LEEWAY_S > nowMs / 1000;
}

/** Run the refresh-token grant and validate the answer. Throws; `reauth_required` when the provider refuses the refresh token. */
export async function refreshToken(provider: ResolvedProvider, old: Token, now: () => number, idTokenMaxAge: number): Promise<Token> {
  const metadata = await provider.metadata();
  const body = new URLSearchParams(provider.refreshParams);
  body.set("grant_type", "refresh_token");
  body.set("refresh_token", old.refresh_token!);
  const answer = await callTokenEndpoint(provider, () => postForm(provider.refreshUrl ?? metadata.tokenUrl, body, provider.clientAuth, provider.httpOptions()));
  // Verify a refreshed id_token first (as at login), so any bad id_token is `id_token_invalid`.
  const idToken = answer.status === 200 ? answer.body.id_token : undefined;
  if (typeof idToken === "string") {
    if (!provider.openid) throw new DanceError("token_exchange_failed", `${provider.id} answered an id_token, but it is not configured as an OpenID provider.`, { provider: provider.id });
    await provider.openid.verifyIdToken(provider, metadata, idToken, { previous: storedClaims(old.id_token), now: now(), maxAge: idTokenMaxAge });
  }
  return tokenFromAnswer(provider, answer, now(), "reauth_required", old);
}

/** What a coordinated refresh needs. */
export interface RefreshPlan {
  /** Any protocol's provider: the grant is its protocol's `refresh` step (OAuth 1 never gets here: it has no refresh tokens). */
  provider: AnyProvider;
  storage: TokenStorage;
  ctx: StorageContext;
  now: () => number;
  idTokenMaxAge: number;
  flights: RefreshFlights;
  /** Fired once per refresh, however many requests wait for it. */
  refreshed(token: Token): Promise<void>;
  /** Fired once when the refresh is refused for good. */
  reauthRequired(error: DanceError): Promise<void>;
}

/** The outcome of a coordinated refresh: the token, and the context it was stored for. */
export interface Refreshed {
  token: Token;
  storedFor: StorageContext;
}

const read = async (storage: TokenStorage, ctx: StorageContext) => {
  try {
    return await storage.get(ctx);
  } catch (cause) {
    throw new DanceError("storage_failed", `The ${ctx.provider} token could not be read.`, { provider: ctx.provider, cause });
  }
};

/**
 * Refresh `old` for `plan.ctx`: one flight per refresh token in this process; under the
 * storage's `withLock` when it has one (across instances); the stored token is read again
 * first (another instance may have refreshed it) and after an `invalid_grant` (it may have
 * rotated it meanwhile): a newer token wins, with one retry at most. A final refusal deletes
 * the token only if it is still the refused one.
 */
export function refreshShared(plan: RefreshPlan, old: Token): Promise<Refreshed> {
  const { provider, storage, ctx, now } = plan;
  const grant = (token: Token) => stepsOf(provider).refresh(token, now, plan.idTokenMaxAge);
  const run = async (): Promise<Refreshed> => {
    const stored = await read(storage, ctx);
    // Someone (another request, another instance) refreshed it already.
    if (stored && stored.access_token !== old.access_token && isFresh(stored, now())) return { token: stored, storedFor: ctx };
    let spent = stored && stored.refresh_token && stored.access_token !== old.access_token ? stored : old;
    let fresh: Token;
    try {
      fresh = await grant(spent);
    } catch (error) {
      if (!(error instanceof DanceError && error.code === "reauth_required")) throw error;
      // Refused: did another instance rotate it meanwhile? Then its token is the one to use (or to refresh, once).
      const newer = await read(storage, ctx);
      if (!newer || !newer.refresh_token || newer.refresh_token === spent.refresh_token) return refused(plan, error, spent);
      if (isFresh(newer, now())) return { token: newer, storedFor: ctx };
      spent = newer;
      try {
        fresh = await grant(spent);
      } catch (again) {
        if (again instanceof DanceError && again.code === "reauth_required") return refused(plan, again, spent);
        throw again;
      }
    }
    try {
      await storage.set(ctx, fresh);
    } catch (cause) {
      throw new DanceError("storage_failed", `The refreshed ${provider.id} token could not be stored.`, { provider: provider.id, cause });
    }
    await plan.refreshed(fresh);
    return { token: fresh, storedFor: ctx };
  };
  const locked = storage.withLock ? () => storage.withLock!(ctx, run) : run;
  return plan.flights.run(`${provider.id}\u0000${old.refresh_token}`, now, locked, (r) => r.token.expires_at);
}

/** A final refusal: delete the token unless a newer one was stored meanwhile; tell the app. */
async function refused(plan: RefreshPlan, error: DanceError, spent: Token): Promise<never> {
  const current = await read(plan.storage, plan.ctx).catch(() => null);
  if (!current || current.refresh_token === spent.refresh_token || current.access_token === spent.access_token) {
    await plan.storage.delete(plan.ctx);
  }
  await plan.reauthRequired(error);
  throw error;
}
