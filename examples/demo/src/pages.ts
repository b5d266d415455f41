/**
 * The demo's pages: home (log in), profile (who you are, and the dance you just did).
 * Plain HTML with inline CSS; every dynamic value goes through the escaping `html` tag.
 *
 * @module
 */
import { Html, html } from "./html.js";
import type { Field, ProviderCall, Timeline } from "./timeline.js";

/** What every page knows about the running demo. */
export interface PageContext {
  appUrl: string;
  providerUrl: string;
  /** The provider's end-session URL (log out at the provider, then come back home). */
  providerLogoutUrl: string;
  /** The path that starts the dance, e.g. `/login/local?next=/profile`. */
  loginPath: string;
}

const CSS = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #e3e7ee; --accent: #3b5bdb; --ok: #2b8a3e; --bad: #c92a2a; --code: #f4f6fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fbfcfe; }
header { border-bottom: 1px solid var(--line); background: #fff; }
header div, main, footer { max-width: 56rem; margin: 0 auto; padding: 0 1.25rem; }
header div { display: flex; align-items: baseline; gap: 1rem; padding-top: .9rem; padding-bottom: .9rem; }
header strong { font-size: 1.15rem; letter-spacing: .01em; }
header span { color: var(--muted); font-size: .9rem; }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: .4rem 0 .8rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; }
h3 { font-size: 1.05rem; margin: 0; }
p { margin: .5rem 0; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .86em; }
code { background: var(--code); padding: .05em .3em; border-radius: 4px; }
pre { background: var(--code); padding: .8rem 1rem; border-radius: 8px; overflow-x: auto; line-height: 1.45; }
.lead { font-size: 1.08rem; color: var(--muted); max-width: 44rem; }
.button { display: inline-block; border: 0; border-radius: 8px; padding: .6rem 1.2rem; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; background: var(--accent); color: #fff; }
.button.secondary { background: #fff; color: var(--ink); border: 1px solid var(--line); }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: .8rem; margin: 1.2rem 0; }
.actions form { margin: 0; }
.note { border-left: 4px solid var(--accent); background: #eef2ff; padding: .6rem .9rem; border-radius: 0 8px 8px 0; margin: 1rem 0; }
.note.bad { border-color: var(--bad); background: #fff0f0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.2rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: .28rem .6rem .28rem 0; border-top: 1px solid var(--line); }
tr:first-child th, tr:first-child td { border-top: 0; }
th { font-weight: 500; width: 11rem; overflow-wrap: anywhere; }
th code, td code { background: none; padding: 0; }
td.why { color: var(--muted); font-size: .86rem; width: 36%; }
ol.timeline { list-style: none; padding: 0; margin: 0; counter-reset: step; }
ol.timeline > li { position: relative; padding-left: 3rem; margin: 0 0 1.1rem; }
ol.timeline > li::before { counter-increment: step; content: counter(step); position: absolute; left: 0; top: .9rem; width: 2rem; height: 2rem; border-radius: 50%; background: var(--accent); color: #fff; font-weight: 700; display: grid; place-items: center; }
ol.timeline > li.missing::before { background: #adb5bd; }
.step-head { display: flex; justify-content: space-between; gap: 1rem; align-items: baseline; }
.when { color: var(--muted); font-size: .82rem; white-space: nowrap; }
.aside { color: var(--muted); font-size: .86rem; overflow-wrap: anywhere; }
td { overflow-wrap: anywhere; }
.why-step { margin: .35rem 0 .7rem; }
.http { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .86rem; margin: .6rem 0 .2rem; word-break: break-all; }
.label { color: var(--muted); font-size: .78rem; text-transform: uppercase; letter-spacing: .06em; margin: .8rem 0 .2rem; }
.ok { color: var(--ok); font-weight: 600; }
.bad { color: var(--bad); font-weight: 600; }
.redacted { color: var(--bad); }
details { margin: 1rem 0; }
summary { cursor: pointer; color: var(--muted); }
footer { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
`;

/** A whole page. */
export function layout(title: string, body: Html, ctx: PageContext): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
<header><div><strong>Dance demo</strong><span>the OAuth dance, live, against a real OpenID Provider on your machine</span></div></header>
<main>
${body}
</main>
<footer>App <code>${ctx.appUrl}</code> · OpenID Provider <code>${ctx.providerUrl}</code> (panva's <code>oidc-provider</code>, in-process, in memory)</footer>
</body>
</html>
`.value;
}

/** The logged-out (or logged-in) home page. */
export function homePage(ctx: PageContext, state: { loggedIn: boolean; loggedOut: boolean; failure: string | undefined }): string {
  const body = html`
<h1>Log in with a provider that runs right here</h1>
<p class="lead">This app uses <strong>Dance</strong> to log you in with OpenID Connect. The provider is a real one
(<a href="${ctx.providerUrl}/.well-known/openid-configuration">its discovery document</a>) started next to this app: any name logs in,
the password is not checked. Afterwards you see your profile, fetched with <code>session.fetch</code>, and every step of the dance your browser just did.</p>
${state.loggedOut
    ? html`<div class="note" data-note="logged-out">You are logged out of this app: its token cookie is deleted. The provider still remembers your login there —
<a href="${ctx.providerLogoutUrl}">log out at the provider</a> too to be asked for a name again.</div>`
    : ""}
${state.failure ? html`<div class="note bad" data-note="failure">The login did not complete: <code>${state.failure}</code>. Try again.</div>` : ""}
<div class="actions">
${state.loggedIn
    ? html`<a class="button" href="/profile">Your profile</a>
<form method="post" action="/logout"><button class="button secondary" type="submit">Log out</button></form>`
    : html`<a class="button" href="${ctx.loginPath}" data-action="login">Log in</a><span class="when">with the local OpenID Provider — any name works</span>`}
</div>
<h2>What will happen</h2>
<ol>
<li>This app sends your browser to the provider, with a fresh <code>state</code>, PKCE <code>code_challenge</code> and <code>nonce</code>.</li>
<li>You type any name at the provider and approve the app (its consent page).</li>
<li>The provider sends you back here with a one-time code; Dance checks it belongs to this browser, swaps it for tokens, and verifies the id_token.</li>
<li>Your tokens are sealed in an encrypted, HttpOnly cookie, and your profile is fetched from the provider's userinfo endpoint.</li>
</ol>
`;
  return layout("Dance demo", body, ctx);
}

/** What one step explains and shows. */
interface StepView {
  id: string;
  title: string;
  why: Html;
  at: number | undefined;
  content: Html;
}

const PARAM_NOTES: Record<string, string> = {
  response_type: "ask for a one-time code, never tokens in the URL",
  client_id: "which app is asking",
  redirect_uri: "where to come back; must match the registered URL exactly",
  scope: "what the app asks to read",
  state: "random, also sealed in a cookie in this browser: the answer must bring it back",
  code_challenge: "SHA-256 of a secret code_verifier this app keeps (PKCE)",
  code_challenge_method: "S256: only the hash travels, never the verifier",
  nonce: "random; must come back inside the id_token",
  prompt: "consent: ask you every time (the provider only grants offline_access, a refresh token, then)",
  code: "the one-time authorization code (worthless without the code_verifier)",
  iss: "who sent this answer (RFC 9207)",
  grant_type: "swap an authorization code for tokens",
  code_verifier: "the secret behind step 1's code_challenge: proves it is the same app",
  token_type: "how to present the access token",
  expires_in: "seconds until the access token expires",
  access_token: "what API calls carry",
  id_token: "the signed statement of who logged in",
  refresh_token: "gets new access tokens without you",
  Authorization: "how the request authenticates",
  iat: "issued at",
  exp: "expires at: refused afterwards",
  aud: "the app it is meant for: this client_id",
  sub: "your stable identifier at the provider",
  alg: "the signature algorithm",
  kid: "which of the provider's keys signed it",
};

function fields(rows: readonly Field[], options: { notes?: boolean } = {}): Html {
  return html`<table>${rows.map(
    (row) => html`<tr><th><code>${row.name}</code></th><td><code class="${row.value.startsWith("***redacted***") ? "redacted" : ""}">${row.value}</code></td>${
      options.notes !== false ? html`<td class="why">${PARAM_NOTES[row.name] ?? ""}</td>` : ""
    }</tr>`,
  )}</table>`;
}

function httpLine(call: ProviderCall): Html {
  return html`<div class="http">${call.method} ${call.url} → ${call.status === undefined ? `failed (${call.error ?? "network"})` : html`<span class="${call.status < 400 ? "ok" : "bad"}">${call.status}</span>`} <span class="when">${call.ms} ms</span></div>`;
}

function callView(call: ProviderCall, sent: string, answered: string): Html {
  return html`${httpLine(call)}
<div class="label">${sent}</div>${fields(call.request)}
${call.response.length > 0 ? html`<div class="label">${answered}</div>${fields(call.response)}` : ""}`;
}

function missing(text: string): Html {
  return html`<p class="when">${text}</p>`;
}

/** The timeline of the dance this browser did. */
export function timelineView(timeline: Timeline | undefined, startup: readonly ProviderCall[]): Html {
  if (!timeline?.login) {
    return html`<div class="note">This server has no record of your dance (it restarted, or this browser's demo cookie is new).
Log out and in again to watch it.</div>`;
  }
  const discovery = startup.find((call) => call.kind === "discovery");
  const steps: StepView[] = [
    {
      id: "login",
      title: "The login redirect",
      at: timeline.login.at,
      why: html`You log in at the provider, so this app never sees a password; the random <code>state</code> and the PKCE
<code>code_challenge</code> tie the provider's answer to this browser and this login.`,
      content: html`<div class="http">302 → GET ${timeline.login.endpoint}</div>${fields(timeline.login.params)}`,
    },
    {
      id: "callback",
      title: "The callback",
      at: timeline.callback?.at,
      why: html`Dance checks that the <code>state</code> is the one sealed in this browser's cookie (so no other site can slip its own
login into your session: CSRF) and that <code>iss</code> names the expected provider (no mix-up between providers) before it touches the code.`,
      content: timeline.callback
        ? html`<div class="http">GET ${timeline.callback.path}?…</div>${fields(timeline.callback.params)}
<p>${timeline.callback.stateMatched ? html`<span class="ok">✓ state matched</span> the one sent in step 1` : html`<span class="bad">✗ state differs</span>`}
${timeline.callback.issuer ? html` · <span class="ok">✓ iss</span> is the configured issuer <code>${timeline.callback.issuer}</code>` : ""}</p>`
        : missing("The provider has not called back (yet)."),
    },
    {
      id: "token",
      title: "The token exchange",
      at: timeline.token?.at,
      why: html`The code is swapped for tokens server to server, with the client secret and the PKCE <code>code_verifier</code>, so a code
seen in the address bar or a log is worthless and the tokens never pass through your browser.`,
      content: timeline.token
        ? html`${callView(timeline.token, "Dance sent (form body)", "The provider answered")}
<p>Tokens that came back: ${timeline.token.tokens?.length ? timeline.token.tokens.map((name, i) => html`${i > 0 ? ", " : ""}<code>${name}</code>`) : "none"} — kept only in the sealed cookie.</p>`
        : missing("No token request was made."),
    },
    {
      id: "id-token",
      title: "The id_token validation",
      at: timeline.idToken?.at,
      why: html`The id_token is the provider's signed statement of who logged in: Dance verifies its signature with the provider's published keys,
that it comes from the expected issuer (<code>iss</code>), is meant for this app (<code>aud</code>), is still valid (<code>exp</code>) and carries this login's <code>nonce</code> (no replay).`,
      content: timeline.idToken
        ? html`<div class="label">Header</div>${fields(timeline.idToken.header)}
<div class="label">Claims</div>${fields(timeline.idToken.claims)}
<p><span class="ok">✓ signature</span> verified ${timeline.jwks ? html`with the key set from ${httpLine(timeline.jwks)}` : html`with the provider's keys (already fetched and cached by an earlier login)`}
${timeline.idToken.nonceMatched ? html` <span class="ok">✓ nonce</span> matches step 1` : ""}</p>`
        : missing("No id_token was validated."),
    },
    {
      id: "api",
      title: "The API call",
      at: timeline.api?.at,
      why: html`With the access token, <code>session.fetch</code> calls the provider's API — here the OpenID userinfo endpoint — and adds the
<code>Authorization</code> header for you; the token stays on the server side of this app, in an encrypted HttpOnly cookie.`,
      content: timeline.api ? callView(timeline.api, "Dance sent", "The provider answered") : missing("No API call yet."),
    },
  ];
  const start = timeline.login.at;
  return html`
${discovery
    ? html`<p class="aside">Before you arrived, at start-up, Dance read the provider's discovery document (<code>GET ${discovery.url}</code> → ${discovery.status ?? "failed"})
to learn its endpoints and keys.</p>`
    : ""}
<ol class="timeline">
${steps.map(
    (step) => html`<li class="${step.at === undefined ? "missing" : ""}" data-step="${step.id}"><div class="card">
<div class="step-head"><h3>${step.title}</h3><span class="when">${step.at === undefined ? "" : `+${step.at - start} ms`}</span></div>
<p class="why-step">${step.why}</p>
${step.content}
</div></li>`,
  )}
</ol>
${timeline.failure ? html`<div class="note bad">This dance did not complete: <code>${timeline.failure.code}</code>${timeline.failure.detail ? html` (<code>${timeline.failure.detail}</code>)` : ""}.</div>` : ""}
<details><summary>Dance's <code>debug</code> records for this browser</summary>
<pre>${timeline.debug.map((record) => `+${record.at - start} ms  ${record.text}\n`)}</pre></details>`;
}

/** The profile page: who you are, the dance that told us, how to leave. */
export function profilePage(
  ctx: PageContext,
  view: { profile: Record<string, unknown> | undefined; problem: string | undefined; timeline: Html; userinfoUrl: string },
): string {
  const name = typeof view.profile?.name === "string" ? view.profile.name : typeof view.profile?.sub === "string" ? view.profile.sub : "you";
  const body = html`
<h1>Hello, <span data-field="name">${name}</span></h1>
${view.problem ? html`<div class="note bad">${view.problem}</div>` : ""}
${view.profile
    ? html`<div class="card" data-section="profile"><p>Your profile, fetched just now by this app with
<code>await local.fetch("${view.userinfoUrl}")</code> — Dance's <code>session.fetch</code>, which attached your access token:</p>
${fields(
  Object.entries(view.profile).map(([key, value]) => ({ name: key, value: typeof value === "string" ? value : JSON.stringify(value) })),
  { notes: false },
)}</div>`
    : ""}
<div class="actions">
<form method="post" action="/logout"><button class="button" type="submit" data-action="logout">Log out</button></form>
<a href="${ctx.providerLogoutUrl}">Log out at the provider too</a>
<a href="/">Home</a>
</div>
<h2>What just happened</h2>
<p>The dance your browser just did, step by step, as this app saw it through Dance's public hooks (the <code>beforeLogin</code> and
<code>authorized</code> events, the <code>debug</code> option and a recording <code>fetch</code>). Codes, verifiers, secrets and tokens are
<span class="redacted">***redacted***</span> before they are recorded; long random values are shortened.</p>
${view.timeline}
<h2>The code behind it</h2>
<pre>${CODE}</pre>
`;
  return layout(`${name} — Dance demo`, body, ctx);
}

const CODE = `const dance = createDance({
  secret,                                  // ≥ 32 characters: seals the cookies
  providers: [oidc({ id: "local", issuer, clientId, clientSecret })],
  redirectTo: "/profile",
});
// GET /login/local → the provider → GET /login/local/authorized → /profile
http.createServer(toNodeHandler(dance, async (req, res) => {
  const local = await getSession(dance, req, res, "local");
  if (!local.authorized) {
    return void res.writeHead(302, { location: local.loginUrlFor("/profile") }).end();
  }
  // Authorization: Bearer … is added for you
  const me = await (await local.fetch(userinfoUrl)).json();
  res.end(\`Hello, \${me.name}\`);
}));`;

/** A small page for 404s and the like. */
export function messagePage(ctx: PageContext, title: string, text: string): string {
  return layout(title, html`<h1>${title}</h1><p>${text}</p><p><a href="/">Home</a></p>`, ctx);
}
