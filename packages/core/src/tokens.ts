/**
 * Token endpoint responses: normalise what providers really answer (parsed once), and turn
 * oauth4webapi results into stored tokens.
 *
 * @internal
 * @module
 */
import * as oauth from "oauth4webapi";
import { cleanProviderText, DanceError } from "./errors.js";
import type { ResolvedProvider } from "./metadata.js";
import type { Token, TokenAnswer } from "./types.js";

const MAX_TOKEN_BODY = 256 * 1024;

/** A token endpoint answer, parsed once: the Response oauth4webapi processes, and its body. */
export interface PreparedTokenResponse {
  response: Response;
  body: Record<string, unknown>;
}

/**
 * Send a token endpoint request (network faults become `provider_unavailable`) and make the
 * answer processable by content, not by status alone: parse the body once (JSON, or a
 * form-encoded body), run the provider's hook, turn 5xx / non-protocol bodies into
 * `provider_unavailable`.
 */
export async function callTokenEndpoint(provider: ResolvedProvider, send: () => Promise<Response>): Promise<PreparedTokenResponse> {
  const unavailable = (message: string, cause?: unknown) => new DanceError("provider_unavailable", message, { provider: provider.id, cause });
  let raw: Response;
  let text: string;
  try {
    raw = await send();
    text = await raw.text();
  } catch (cause) {
    if (cause instanceof DanceError) throw cause;
    throw unavailable(`The token endpoint of ${provider.id} could not be reached or did not answer completely.`, cause);
  }
  if (text.length > MAX_TOKEN_BODY) throw unavailable(`The token endpoint of ${provider.id} answered an oversized body.`);
  const parsed = parseBody(text, raw.headers.get("content-type"));
  if (parsed === undefined || raw.status >= 500) {
    throw unavailable(`The token endpoint of ${provider.id} answered HTTP ${raw.status}${parsed ? "" : " with a body that is not a token response"}.`);
  }
  const answer: TokenAnswer = provider.def.hooks?.tokenResponse?.({ status: raw.status, body: parsed }) ?? { status: raw.status, body: parsed };
  const body: Record<string, unknown> = { ...answer.body };
  // Some providers send expires_in as a string; oauth4webapi wants a number.
  if (typeof body.expires_in === "string" && /^\d+$/.test(body.expires_in)) body.expires_in = Number(body.expires_in);
  // RFC 6749 §5.1 requires token_type; plenty of providers leave it out of a bearer token's answer.
  if (typeof body.access_token === "string" && body.token_type === undefined) body.token_type = "bearer";
  const headers: Record<string, string> = { "content-type": "application/json" };
  const challenge = raw.headers.get("www-authenticate");
  if (challenge) headers["www-authenticate"] = challenge;
  return { response: new Response(JSON.stringify(body), { status: answer.status, headers }), body };
}

function parseBody(text: string, contentType: string | null): Record<string, unknown> | undefined {
  const type = (contentType ?? "").toLowerCase();
  const trimmed = text.trim();
  let body: unknown;
  if (type.includes("application/x-www-form-urlencoded") || (!type.includes("json") && /^[\w.-]+=[^<>{}]*$/.test(trimmed))) {
    body = Object.fromEntries(new URLSearchParams(trimmed));
  } else {
    try {
      body = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** Map an oauth4webapi processing error of a token response. */
export function tokenError(provider: ResolvedProvider, cause: unknown, code: "token_exchange_failed" | "reauth_required" = "token_exchange_failed"): DanceError {
  if (cause instanceof DanceError) return cause;
  if (cause instanceof oauth.ResponseBodyError) {
    return new DanceError(code, `The token endpoint of ${provider.id} refused: ${cleanProviderText(cause.error, 64)}.`, {
      provider: provider.id,
      cause,
      providerError: {
        error: cleanProviderText(cause.error, 64) ?? "unknown_error",
        description: cleanProviderText(cause.error_description),
        uri: undefined,
      },
    });
  }
  return new DanceError(code, `The token endpoint of ${provider.id} did not answer a valid token.`, { provider: provider.id, cause });
}

/** Build the stored token from a processed token response. `expires_at` is seconds since the epoch. */
export function toToken(response: oauth.TokenEndpointResponse, nowMs: number, previous?: Token | null): Token {
  const token: Token = { ...(response as Record<string, unknown>) } as Token;
  token.token_type = String(response.token_type ?? "bearer").toLowerCase();
  if (typeof token.expires_in === "number" && token.expires_in > 0) token.expires_at = Math.floor(nowMs / 1000) + Math.floor(token.expires_in);
  else delete token.expires_at;
  if (previous) {
    // A refresh may omit the refresh token or id_token: keep the old ones (RFC 6749 §6).
    if (!token.refresh_token && previous.refresh_token) token.refresh_token = previous.refresh_token;
    if (!token.id_token && previous.id_token) token.id_token = previous.id_token;
  }
  for (const key of Object.keys(token)) if (token[key] === undefined) delete token[key];
  return token;
}
