/**
 * "Log in with GitHub" as a Cloudflare Worker. The configuration comes from the env bindings of
 * each request (`createDance((env) => config)`, built once per env object): no `process`, no
 * `nodejs_compat`. Without GitHub credentials (`npm start`), `LOCAL_*` bindings point it at the
 * demo's local OpenID Provider instead, under the same provider id and routes.
 *
 * @module
 */
import { createDance, escapeHtml } from "@dance/core";
import { github } from "@dance/providers/github";
import { oidc } from "@dance/providers/oidc";
import { withDance } from "@dance/cloudflare";

/** The Worker's bindings: wrangler.toml [vars] and `wrangler secret put`. */
export interface Env {
  /** ≥ 32 characters: seals the cookies. */
  DANCE_SECRET: string;
  /** Read by github(). */
  GITHUB_OAUTH_CLIENT_ID?: string;
  GITHUB_OAUTH_CLIENT_SECRET?: string;
  /** The local OpenID Provider (set by `npm start` when there are no GitHub credentials). */
  LOCAL_ISSUER?: string;
  LOCAL_CLIENT_ID?: string;
  LOCAL_CLIENT_SECRET?: string;
  LOCAL_USERINFO?: string;
}

const dance = createDance((env: Env) => ({
  secret: env.DANCE_SECRET,
  providers: [
    env.LOCAL_ISSUER
      ? oidc({ id: "github", name: "Local OpenID Provider", issuer: env.LOCAL_ISSUER, clientId: env.LOCAL_CLIENT_ID, clientSecret: env.LOCAL_CLIENT_SECRET })
      : github(), // GITHUB_OAUTH_CLIENT_ID / _SECRET from env
  ],
  redirectTo: "/",
}));

const html = (body: string, status = 200) =>
  new Response(
    `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dance + Workers + GitHub</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2433}
a.button,button{display:inline-block;background:#24292f;color:#fff;border:0;border-radius:6px;padding:.55rem 1rem;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}</style><body>${body}</body></html>`,
    { status, headers: { "content-type": "text/html; charset=utf-8" } },
  );

export default withDance(dance, async (request, env: Env, _ctx, dance) => {
  const { pathname } = new URL(request.url);
  const gh = await dance.session("github");
  if (pathname === "/logout" && request.method === "POST") {
    await gh.deleteToken(); // the cookie deletion reaches the response by itself
    return new Response(null, { status: 303, headers: { location: "/" } });
  }
  if (pathname !== "/") return html("<h1>Not found</h1>", 404);
  const who = env.LOCAL_ISSUER ? "the local OpenID Provider" : "GitHub";
  if (!gh.authorized) {
    return html(`<h1>Dance + Workers + GitHub</h1><p>A Cloudflare Worker that logs you in with ${who} through Dance.</p>
<p><a class="button" href="${escapeHtml(gh.loginUrl)}">Log in with GitHub</a></p>`);
  }
  // GitHub's API wants a User-Agent; relative URLs resolve against https://api.github.com/.
  const response = await gh.fetch(env.LOCAL_USERINFO ?? "/user", { headers: { "user-agent": "dance-example-workers-github", accept: "application/json" } });
  if (!response.ok) return html(`<h1>${who} answered HTTP ${response.status}</h1><form method="post" action="/logout"><button>Log out</button></form>`, 502);
  const user = (await response.json()) as { login?: string; name?: string; sub?: string };
  return html(`<h1>Hello ${escapeHtml(user.login ?? user.name ?? user.sub ?? "you")}</h1>
<p>Fetched from ${who} with <code>session.fetch</code>, in a Worker. The token lives in an encrypted, HttpOnly cookie.</p>
<form method="post" action="/logout"><button type="submit">Log out</button></form>`);
});
