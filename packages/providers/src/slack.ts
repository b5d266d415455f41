import type { OAuth2ProviderDefinition, TokenAnswer } from "@dance/core";
import { preset, type PresetOptions } from "./_preset.js";

/** Options of {@link slack} (Flask-Dance's `make_slack_blueprint`). */
export interface SlackOptions<Id extends string = "slack"> extends PresetOptions<Id> {
  /** Bot scopes, sent comma-separated (space-separated with `classic`). Default `["chat:write"]`; with `classic`, Flask-Dance's `["identify", "chat:write:bot"]`. */
  scope?: readonly string[] | string | undefined;
  /** `user_scope`: scopes of a user token (comma-separated), next to or instead of the bot's. */
  userScope?: readonly string[] | undefined;
  /** `team`: the workspace id (`T…`) to install into. */
  team?: string | undefined;
  /** The workspace's subdomain: authorize on `https://{subdomain}.slack.com` (Flask-Dance's `subdomain`). */
  subdomain?: string | undefined;
  /** A classic Slack app (no longer creatable): Flask-Dance's `oauth/authorize` and `oauth.access` endpoints and default scopes. */
  classic?: boolean | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function tokenResponse(answer: TokenAnswer): TokenAnswer {
  const { status, body } = answer;
  // Slack answers errors with HTTP 200 and {ok: false, error}.
  if (status === 200 && (body.ok === false || (typeof body.error === "string" && body.access_token === undefined))) {
    return { status: 400, body: { ...body, error: typeof body.error === "string" ? body.error : "unknown_error" } };
  }
  if (status !== 200) return answer;
  let out: Record<string, unknown> = body;
  // A user-scope-only install answers the user token in authed_user.
  const user = body.authed_user;
  if (out.access_token === undefined && isRecord(user) && typeof user.access_token === "string") {
    out = { ...out, access_token: user.access_token };
    for (const field of ["scope", "refresh_token", "expires_in"]) if (user[field] !== undefined) out[field] = user[field];
  }
  // Slack's token_type is "bot" or "user": both are bearer tokens. (Classic apps send none, which core reads as bearer.)
  const type = typeof out.token_type === "string" ? out.token_type.toLowerCase() : undefined;
  if (typeof out.access_token === "string" && type !== undefined && type !== "bearer" && type !== "dpop") out = { ...out, token_type: "bearer", slack_token_type: out.token_type };
  return out === body ? answer : { status, body: out };
}

/** Flask-Dance's slack_compliance_fix: the token also goes in the body of form (or empty) POSTs. */
async function apiRequest(request: Request, { token }: { token: { access_token: string } }): Promise<Request> {
  // GET cannot carry a body, and Slack refuses tokens in the query string of newer apps: the Bearer header carries it.
  if (request.method !== "POST" || new URL(request.url).searchParams.has("token")) return request;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const text = request.body ? await request.clone().text() : "";
  if (text !== "" && !type.startsWith("application/x-www-form-urlencoded")) return request;
  const form = new URLSearchParams(text);
  if (form.has("token")) return request;
  form.set("token", token.access_token);
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  return new Request(request, { body: form, headers });
}

/**
 * Slack, an app installed with OAuth v2. Flask-Dance uses Slack's classic-app flow
 * (`oauth/authorize`, `oauth.access`), which works only for classic apps, which can no longer be
 * created: the default is the current v2 flow (`oauth/v2/authorize`, `oauth.v2.access`), with
 * `chat:write` standing in for Flask-Dance's classic `chat:write:bot`; `classic: true` restores
 * Flask-Dance's. The v2 flow's scopes go out comma-separated (`scopeSeparator: ","`). Slack's
 * token answers (errors with HTTP 200, `token_type: "bot"`) are made standard; the token is also
 * sent in the body of form POSTs, as Flask-Dance's compliance fix does. For "Sign in with Slack",
 * use `oidc({ id: "slack", issuer: "https://slack.com" })`.
 *
 * @example
 * ```ts
 * slack({ scope: ["chat:write", "channels:read"] }) // session.fetch("chat.postMessage", { method: "POST", body: new URLSearchParams({ channel, text }) })
 * ```
 * @see https://docs.slack.dev/authentication/installing-with-oauth
 */
export function slack<const Id extends string = "slack">(options: SlackOptions<Id> = {}): OAuth2ProviderDefinition<Id> {
  const { userScope, team, subdomain, classic, ...common } = options;
  if (subdomain !== undefined && !/^[a-z0-9-]+$/i.test(subdomain)) throw new TypeError(`slack(): \`subdomain\` must be a workspace subdomain, got ${JSON.stringify(subdomain)}`);
  const host = subdomain ? `https://${subdomain}.slack.com` : "https://slack.com";
  return preset(common, {
    protocol: "oauth2",
    id: "slack",
    name: "Slack",
    authorizationUrl: classic ? `${host}/oauth/authorize` : `${host}/oauth/v2/authorize`,
    tokenUrl: classic ? "https://slack.com/api/oauth.access" : "https://slack.com/api/oauth.v2.access",
    apiBaseUrl: "https://slack.com/api/",
    scope: classic ? ["identify", "chat:write:bot"] : ["chat:write"],
    // The v2 flow documents comma-separated scopes; classic apps keep Flask-Dance's spaces.
    scopeSeparator: classic ? undefined : ",",
    // Only apps with token rotation get refresh tokens.
    refresh: true,
    authorizationParams: { user_scope: userScope?.length ? userScope.join(",") : undefined, team },
    hooks: { tokenResponse, apiRequest },
    facts: {
      docs: "https://docs.slack.dev/authentication/installing-with-oauth",
      refresh: { refreshTokens: "with token rotation enabled for the app", rotates: "yes", expiresIn: "with token rotation", notes: "Without rotation tokens do not expire; with it they live 12 hours." },
      tokenErrorStatus: 200,
    },
  });
}
