/**
 * "Sign in with Twitter" (OAuth 1.0a) on Express, with Dance. With `TWITTER_OAUTH_CLIENT_KEY` and
 * `TWITTER_OAUTH_CLIENT_SECRET` it dances with Twitter / X; without them it starts a local
 * OAuth 1.0a provider (oauthlib, from `@dance/testing`) on 127.0.0.1 and dances with that, so
 * the example runs with no account and no network. The app code is the same in both modes.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createDance, escapeHtml, isDanceError, type Dance, type OAuth1ProviderDefinition } from "@dance/core";
import { getSession, nodeErrorHandler, nodeMiddleware } from "@dance/node";
import { twitter } from "@dance/providers/twitter";
import { startOAuth1Provider, type RunningOAuth1Provider } from "@dance/testing";

/** Where the app dances. */
export type Mode = "twitter" | "local";

/** What the app needs; see {@link configFromEnv}. */
export interface AppConfig {
  mode: Mode;
  /** Seals the cookies: ≥ 32 characters. Random per run when `DANCE_SECRET` is not set. */
  secret: string;
  /** The app's origin, e.g. `http://127.0.0.1:3000`: the callback URL registered with X is `{baseUrl}/login/twitter/authorized`. */
  baseUrl: string;
  /** The twitter provider (the preset, its endpoints pointed at the local provider in local mode). */
  provider: OAuth1ProviderDefinition<"twitter">;
  /** The signed API call the home page shows. */
  meUrl: string;
}

/** The credentials of the app at the local provider (they exist only inside this process). */
const LOCAL_CLIENT = { key: "dance-example-twitter", secret: randomBytes(24).toString("hex") };

/**
 * Which provider the environment asks for: Twitter / X when both keys are set, the local
 * provider when neither is. Throws an Error naming what is wrong (one key without the other, a
 * short `DANCE_SECRET`).
 */
export function modeOf(env: Readonly<Record<string, string | undefined>>): Mode {
  const key = Boolean(env.TWITTER_OAUTH_CLIENT_KEY);
  if (key !== Boolean(env.TWITTER_OAUTH_CLIENT_SECRET)) {
    throw new Error("Set both TWITTER_OAUTH_CLIENT_KEY and TWITTER_OAUTH_CLIENT_SECRET (the API Key and Secret of your X app), or neither to use the local provider.");
  }
  if (env.DANCE_SECRET && env.DANCE_SECRET.length < 32) throw new Error("DANCE_SECRET must be at least 32 characters.");
  return key ? "twitter" : "local";
}

/** The configuration for `env`, the app listening on `port`; `local` is the running local provider (local mode). */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>, port: number, local?: RunningOAuth1Provider): AppConfig {
  const mode = modeOf(env);
  const baseUrl = env.BASE_URL || `http://127.0.0.1:${port}`;
  const secret = env.DANCE_SECRET || randomBytes(32).toString("base64url");
  if (mode === "twitter") {
    // twitter() would read TWITTER_OAUTH_CLIENT_KEY / _SECRET itself; passed here to be explicit.
    const provider = twitter({ apiKey: env.TWITTER_OAUTH_CLIENT_KEY, apiSecret: env.TWITTER_OAUTH_CLIENT_SECRET });
    return { mode, secret, baseUrl, provider, meUrl: "https://api.twitter.com/2/users/me" };
  }
  if (!local) throw new Error("local mode needs the local provider running");
  return {
    mode,
    secret,
    baseUrl,
    // The same preset, its three endpoints and API base on the local oauthlib provider.
    provider: {
      ...twitter({ apiKey: LOCAL_CLIENT.key, apiSecret: LOCAL_CLIENT.secret }),
      requestTokenUrl: local.requestTokenUrl,
      authorizationUrl: local.authorizeUrl,
      accessTokenUrl: local.accessTokenUrl,
      apiBaseUrl: local.apiBaseUrl,
      apiOrigins: [],
    },
    meUrl: `${local.apiBaseUrl}2/users/me`,
  };
}

const escape = (value: unknown) => escapeHtml(String(value));

function page(body: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dance + Twitter</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#0f1419}
a.button,button{display:inline-block;background:#0f1419;color:#fff;border:0;border-radius:999px;padding:.55rem 1.1rem;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
pre{background:#f5f8fa;padding:1rem;overflow:auto;border-radius:8px}.note{color:#536471}</style>
<body>${body}</body></html>`;
}

/** The Express app and its Dance. */
export function createApp(config: AppConfig): { dance: Dance<"twitter">; app: express.Express } {
  const dance = createDance({ secret: config.secret, baseUrl: config.baseUrl, providers: [config.provider], redirectTo: "/" });
  const canonical = new URL(config.baseUrl);
  const app = express();
  app.disable("x-powered-by");
  // X calls back to the registered host only: send localhost & co. there, so the login cookie comes back.
  app.use((req, res, next) => (req.headers.host === canonical.host ? next() : res.redirect(302, `${canonical.origin}${req.originalUrl}`)));
  app.use(nodeMiddleware(dance)); // GET /login/twitter, GET /login/twitter/authorized

  app.get("/", async (req, res) => {
    res.set("cache-control", "no-store");
    const tw = await getSession(dance, req, res, "twitter");
    const where = config.mode === "local" ? `<p class="note">No Twitter keys set: dancing with the local OAuth 1.0a provider (oauthlib) on 127.0.0.1.</p>` : "";
    if (!tw.authorized) {
      res.send(page(`<h1>Dance + Twitter</h1><p>OAuth 1.0a on Express, through Dance.</p>${where}
<p><a class="button" href="${escape(tw.loginUrl)}">Sign in with Twitter</a></p>`));
      return;
    }
    const token = tw.token!;
    let answer: string;
    try {
      // Signed with HMAC-SHA1 in the Authorization header, by Dance.
      const response = await tw.fetch(config.meUrl);
      if (response.status === 401) {
        // Revoked at X (Settings → Connected apps): forget it and dance again.
        await tw.deleteToken();
        res.redirect(302, tw.loginUrl);
        return;
      }
      answer = `HTTP ${response.status}\n${JSON.stringify(await response.json().catch(() => null), null, 2)}`;
    } catch (error) {
      answer = isDanceError(error) ? `${error.code}: ${error.message}` : "network error";
    }
    const who = typeof token.screen_name === "string" ? `@${token.screen_name}` : typeof token.user_id === "string" ? `user ${token.user_id}` : "signed in";
    res.send(page(`<h1>You are ${escape(who)}</h1>${where}
<p>A signed <code>GET ${escape(config.meUrl)}</code> answered:</p><pre>${escape(answer)}</pre>
<p class="note">The token and its secret live in an encrypted, HttpOnly cookie.</p>
<form method="post" action="/logout"><button type="submit">Log out</button></form>`));
  });

  app.post("/logout", async (req, res) => {
    await (await getSession(dance, req, res, "twitter")).deleteToken();
    res.redirect(303, "/");
  });
  app.use(nodeErrorHandler(dance));
  return { dance, app };
}

/** A running app; see {@link start}. */
export interface RunningApp {
  /** Where to open it, e.g. `http://127.0.0.1:3000`. */
  url: string;
  mode: Mode;
  dance: Dance<"twitter">;
  /** The local provider, in local mode. */
  local: RunningOAuth1Provider | undefined;
  close(): Promise<void>;
}

/**
 * Start the app on 127.0.0.1 (and, without Twitter keys, the local provider).
 * @throws Error when the configuration is incomplete (see {@link configFromEnv}), or when the
 * local provider cannot start (it needs Debian's python3-oauthlib: the message says so).
 */
export async function start(options: { port: number; env: Readonly<Record<string, string | undefined>> }): Promise<RunningApp> {
  const { env } = options;
  const mode = modeOf(env);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  let local: RunningOAuth1Provider | undefined;
  try {
    const port = (server.address() as AddressInfo).port;
    if (mode === "local") {
      const callback = `${env.BASE_URL || `http://127.0.0.1:${port}`}/login/twitter/authorized`;
      local = await startOAuth1Provider({ clients: [{ key: LOCAL_CLIENT.key, secret: LOCAL_CLIENT.secret, callbacks: [callback] }] });
    }
    const config = configFromEnv(env, port, local);
    const { dance, app } = createApp(config);
    server.on("request", app);
    return {
      url: config.baseUrl,
      mode,
      dance,
      local,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await local?.close();
      },
    };
  } catch (error) {
    server.close();
    await local?.close();
    throw error;
  }
}
