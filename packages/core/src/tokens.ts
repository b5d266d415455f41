/**
 * Token endpoint answers: send the request, normalise what providers really answer (parsed
 * once), check its shape (RFC 6749 §5.1 / §5.2) and turn it into the token to store.
 *
 * @internal
 * @module
 */
import { cleanProviderText, DanceError } from "./errors.js";
import type { ResolvedProvider } from "./metadata.js";
import type { Token, TokenAnswer } from "./types.js";

const MAX_TOKEN_BODY = 256 * 1024;

/** A token endpoint answer, parsed once and normalised; `challenge` is its `WWW-Authenticate` header. */
export interface PreparedTokenResponse {
  status: number;
  body: Record<string, unknown>;
  challenge: string | null;
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
  // Some providers send expires_in as a string ("3600", "3600.0").
  if (typeof body.expires_in === "string" && /^\d+(\.\d+)?$/.test(body.expires_in)) body.expires_in = Number(body.expires_in);
  // RFC 6749 §5.1 requires token_type; plenty of providers leave it out of a bearer token's answer.
  if (typeof body.access_token === "string" && body.token_type === undefined) body.token_type = "bearer";
  // An optional member sent as null is a member not sent.
  for (const name of OPTIONAL) if (body[name] === null) delete body[name];
  return { status: answer.status, body, challenge: raw.headers.get("www-authenticate") };
}

const OPTIONAL = ["expires_in", "refresh_token", "scope", "id_token"] as const;

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

/**
 * Check a token answer (RFC 6749 §5.1) and build the token to store; a refusal (§5.2: a 4xx
 * with an `error`) carries the provider's words. `refused` is the code of a refusal: the code
 * exchange fails with `token_exchange_failed`; a refresh refused is `reauth_required` — unless
 * the provider refuses the client itself (`invalid_client`, or a 401 challenge without an
 * error), which says nothing about the user's token and must not cost it.
 */
export function tokenFromAnswer(
  provider: ResolvedProvider,
  answer: PreparedTokenResponse,
  nowMs: number,
  refused: "token_exchange_failed" | "reauth_required" = "token_exchange_failed",
  previous?: Token | null,
): Token {
  const { status, body } = answer;
  const invalid = (why: string) => new DanceError("token_exchange_failed", `The token endpoint of ${provider.id} did not answer a valid token: ${why}.`, { provider: provider.id });
  if (status !== 200) {
    const error = cleanProviderText(typeof body.error === "string" ? body.error : undefined, 64);
    if (status < 400 || !error) throw invalid(`HTTP ${status}${answer.challenge ? ` (${cleanProviderText(answer.challenge, 128)})` : ""}`);
    return throwRefusal(provider, error, body, error === "invalid_client" ? "token_exchange_failed" : refused);
  }
  if (typeof body.access_token !== "string" || body.access_token === "") throw invalid("no access_token");
  if (typeof body.token_type !== "string" || body.token_type.toLowerCase() !== "bearer") {
    // Dance sends tokens as bearer tokens (RFC 6750); a token of another type (mac, a DPoP-bound token) would not work.
    throw invalid(`token_type ${JSON.stringify(cleanProviderText(String(body.token_type), 32))} is not bearer`);
  }
  if (body.expires_in !== undefined && (typeof body.expires_in !== "number" || !Number.isFinite(body.expires_in) || body.expires_in < 0)) throw invalid("expires_in is not a number of seconds");
  for (const name of ["refresh_token", "id_token"] as const) {
    if (body[name] !== undefined && (typeof body[name] !== "string" || body[name] === "")) throw invalid(`${name} is not a string`);
  }
  if (body.scope !== undefined && typeof body.scope !== "string") throw invalid("scope is not a string");
  return toToken(body, nowMs, previous);
}

function throwRefusal(provider: ResolvedProvider, error: string, body: Record<string, unknown>, code: "token_exchange_failed" | "reauth_required"): never {
  throw new DanceError(code, `The token endpoint of ${provider.id} refused: ${error}.`, {
    provider: provider.id,
    providerError: {
      error,
      description: cleanProviderText(typeof body.error_description === "string" ? body.error_description : undefined),
      uri: undefined,
    },
  });
}

/** Build the stored token from a checked token answer. `expires_at` is seconds since the epoch. */
function toToken(body: Record<string, unknown>, nowMs: number, previous?: Token | null): Token {
  const token: Token = { ...body } as Token;
  token.token_type = String(body.token_type).toLowerCase();
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
