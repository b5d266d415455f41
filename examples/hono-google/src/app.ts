/**
 * "Log in with Google" on Hono: the home page links to `/login/google`; `/profile` needs the
 * login (`requireLogin("google")`) and shows who you are, fetched from the userinfo endpoint with
 * `session.fetch`; `POST /logout` forgets the token. All of Dance's part is the three lines
 * marked ◆.
 *
 * @module
 */
import { Hono } from "hono";
import { createDance, escapeHtml, type OAuth2ProviderDefinition } from "@dance/core";
import { danceMiddleware, requireLogin } from "@dance/hono";

/** What the app needs: see main.ts for where each comes from. */
export interface AppConfig {
  /** Seals the cookies: ≥ 32 characters. */
  secret: string;
  /** The origin of the registered callback URL, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** `google()`, or the local OpenID Provider standing in for it (same id: the routes stay `/login/google`). */
  provider: OAuth2ProviderDefinition<"google">;
  /** The userinfo endpoint `session.fetch` calls. */
  userinfoUrl: string;
  /** Shown on the pages. */
  providerName: string;
}

const page = (body: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dance + Hono + Google</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2433}
a.button,button{display:inline-block;background:#1a73e8;color:#fff;border:0;border-radius:6px;padding:.55rem 1rem;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
dt{color:#5b6475}dd{margin:0 0 .5rem}</style><body>${body}</body></html>`;

/** The Hono app. */
export function createApp(config: AppConfig) {
  const dance = createDance({ secret: config.secret, baseUrl: config.baseUrl, providers: [config.provider], redirectTo: "/profile" });
  const canonical = new URL(config.baseUrl);
  const app = new Hono();
  // The callback URL is registered for one host: send other names (127.0.0.1 / localhost) there, so the cookies match.
  app.use(async (c, next) => (c.req.header("host") === canonical.host ? next() : c.redirect(`${canonical.origin}${new URL(c.req.url).pathname}`)));
  const withDance = app.use(danceMiddleware(dance)); // ◆ serves /login/google and /login/google/authorized

  withDance.get("/", async (c) => {
    const google = await c.var.dance.session("google");
    return c.html(
      page(`<h1>Dance + Hono + Google</h1><p>A Hono app on Node that logs you in with ${escapeHtml(config.providerName)} through Dance.</p>
${google.authorized ? `<p><a class="button" href="/profile">Your profile</a></p>` : `<p><a class="button" href="${escapeHtml(google.loginUrlFor("/profile"))}">Log in with Google</a></p>`}`),
    );
  });

  withDance.get("/profile", requireLogin(dance, "google"), async (c) => {
    const google = await c.var.dance.session("google"); // ◆ the token is attached, refreshed when it expires
    const response = await google.fetch(config.userinfoUrl);
    if (!response.ok) return c.html(page(`<h1>The userinfo endpoint answered HTTP ${response.status}</h1><p><a href="/">Home</a></p>`), 502);
    const user = (await response.json()) as Record<string, unknown>;
    const rows = ["name", "email", "sub"].filter((k) => user[k] !== undefined).map((k) => `<dt>${k}</dt><dd>${escapeHtml(String(user[k]))}</dd>`);
    return c.html(
      page(`<h1>Hello ${escapeHtml(String(user.name ?? user.email ?? user.sub))}</h1><dl>${rows.join("")}</dl>
<p>Fetched from ${escapeHtml(config.providerName)}'s userinfo endpoint with <code>session.fetch</code>. The token lives in an encrypted, HttpOnly cookie.</p>
<form method="post" action="/logout"><button type="submit">Log out</button></form>`),
    );
  });

  withDance.post("/logout", async (c) => {
    await (await c.var.dance.session("google")).deleteToken(); // ◆ the cookie is cleared on this response
    return c.redirect("/", 303);
  });
  return { app, dance };
}
