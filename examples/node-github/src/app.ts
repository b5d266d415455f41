/**
 * "Log in with GitHub" on Node's own http server, with Dance: the home page links to
 * `/login/github`; after the dance it shows who you are on GitHub, fetched with
 * `session.fetch("/user")`.
 *
 * @module
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createDance, escapeHtml, isDanceError, type Dance } from "@dance/core";
import { getSession, toNodeHandler } from "@dance/node";
import { github } from "@dance/providers/github";

/** What the app needs; see {@link configFromEnv}. */
export interface AppConfig {
  clientId: string;
  clientSecret: string;
  /** Seals the cookies: ≥ 32 characters. */
  secret: string;
  /** The origin registered with GitHub's callback URL, e.g. `http://localhost:3000`. */
  baseUrl: string;
}

/** The variables the app reads, and how to get them. */
const REQUIRED = [
  ["GITHUB_OAUTH_CLIENT_ID", "the Client ID of your GitHub OAuth app"],
  ["GITHUB_OAUTH_CLIENT_SECRET", "a client secret of that app (\"Generate a new client secret\")"],
  ["DANCE_SECRET", "≥ 32 random characters that seal the cookies, e.g. $(openssl rand -base64 32)"],
] as const;

/**
 * Read the configuration from the environment. Throws an Error naming every missing variable
 * (and how to get it), so a bad start fails at once with one clear message.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>, port: number): AppConfig {
  const missing = REQUIRED.filter(([name]) => !env[name]);
  const problems = missing.map(([name, what]) => `  ${name}: ${what}`);
  if (env.DANCE_SECRET && env.DANCE_SECRET.length < 32) problems.push("  DANCE_SECRET: must be at least 32 characters");
  if (problems.length > 0) {
    throw new Error(
      `Cannot start: set these environment variables (see examples/node-github/README.md):\n${problems.join("\n")}\n` +
        `Register the OAuth app at https://github.com/settings/developers with the callback URL http://localhost:${port}/login/github/authorized.`,
    );
  }
  return {
    clientId: env.GITHUB_OAUTH_CLIENT_ID!,
    clientSecret: env.GITHUB_OAUTH_CLIENT_SECRET!,
    secret: env.DANCE_SECRET!,
    baseUrl: env.BASE_URL || `http://localhost:${port}`,
  };
}

const escape = (value: unknown) => escapeHtml(String(value));

function page(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; img-src https://avatars.githubusercontent.com; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  });
  res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dance + GitHub</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2433}
a.button,button{display:inline-block;background:#24292f;color:#fff;border:0;border-radius:6px;padding:.55rem 1rem;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
img{border-radius:50%;vertical-align:middle;margin-right:.8rem}dt{color:#5b6475}dd{margin:0 0 .5rem}</style>
<body>${body}</body></html>`);
}

/** The Dance instance and the Node request handler of the app. */
export function createApp(config: AppConfig): { dance: Dance; handler: ReturnType<typeof toNodeHandler> } {
  const dance = createDance({
    secret: config.secret,
    // The redirect_uri GitHub sees is built from this origin: it must match the registered callback URL.
    baseUrl: config.baseUrl,
    providers: [github({ clientId: config.clientId, clientSecret: config.clientSecret })],
    redirectTo: "/",
  });
  const canonical = new URL(config.baseUrl);

  const handler = toNodeHandler(dance, async (req, res) => {
    const url = new URL(req.url ?? "/", config.baseUrl);
    const gh = await getSession(dance, req, res, "github");

    if (url.pathname === "/" && req.method === "GET") {
      if (!gh.authorized) {
        page(res, 200, `<h1>Dance + GitHub</h1><p>A small Node app that logs you in with GitHub through Dance.</p>
<p><a class="button" href="${escape(gh.loginUrl)}">Log in with GitHub</a></p>`);
        return;
      }
      let response: Response;
      try {
        // Relative to https://api.github.com/; Dance adds "Authorization: Bearer …".
        response = await gh.fetch("/user", { headers: { accept: "application/vnd.github+json", "user-agent": "dance-example-node-github" } });
      } catch (error) {
        page(res, 502, `<h1>GitHub could not be reached</h1><p>${escape(isDanceError(error) ? error.message : "Network error.")}</p>`);
        return;
      }
      if (response.status === 401) {
        // The token was revoked on GitHub (Settings → Applications): forget it and dance again.
        await gh.deleteToken();
        res.writeHead(302, { location: gh.loginUrl }).end();
        return;
      }
      if (!response.ok) {
        page(res, 502, `<h1>GitHub answered HTTP ${response.status}</h1><p><a href="/">Try again</a></p>`);
        return;
      }
      const user = (await response.json()) as { login: string; name?: string | null; avatar_url?: string; html_url?: string; public_repos?: number };
      const avatar = typeof user.avatar_url === "string" && user.avatar_url.startsWith("https://avatars.githubusercontent.com/")
        ? `<img src="${escape(user.avatar_url)}" width="64" height="64" alt="">`
        : "";
      page(res, 200, `<h1>${avatar}You are @${escape(user.login)} on GitHub</h1>
<dl><dt>Name</dt><dd>${escape(user.name ?? "—")}</dd><dt>Public repositories</dt><dd>${escape(user.public_repos ?? "—")}</dd>
<dt>Profile</dt><dd><a href="${escape(user.html_url ?? `https://github.com/${user.login}`)}">${escape(user.html_url ?? user.login)}</a></dd></dl>
<p>Fetched with <code>session.fetch("/user")</code>. The token lives in an encrypted, HttpOnly cookie.</p>
<form method="post" action="/logout"><button type="submit">Log out</button></form>`);
      return;
    }
    if (url.pathname === "/logout" && req.method === "POST") {
      // Forget the token in this app (GitHub still lists the authorization under Settings → Applications).
      await gh.deleteToken();
      res.writeHead(303, { location: "/" }).end();
      return;
    }
    page(res, 404, `<h1>Not found</h1><p><a href="/">Home</a></p>`);
  });

  return {
    dance,
    // GitHub only calls back to the registered host: send 127.0.0.1 & co. there, so the cookies match.
    handler: (req, res) => {
      if (req.headers.host !== canonical.host) return void res.writeHead(302, { location: `${canonical.origin}${req.url ?? "/"}` }).end();
      return handler(req, res);
    },
  };
}

/** A running app; see {@link start}. */
export interface RunningApp {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  listening: string;
  /** Where to open it: the configured base URL. */
  url: string;
  dance: Dance;
  close(): Promise<void>;
}

/**
 * Start the app on 127.0.0.1.
 * @throws Error when a required environment variable is missing (see {@link configFromEnv}).
 */
export async function start(options: { port: number; env: Readonly<Record<string, string | undefined>> }): Promise<RunningApp> {
  // Check the environment before anything listens.
  const config = configFromEnv(options.env, options.port);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let app: ReturnType<typeof createApp>;
  try {
    // With port 0 the real port is known only now.
    app = createApp({ ...config, baseUrl: options.env.BASE_URL || `http://localhost:${port}` });
  } catch (error) {
    server.close();
    throw error;
  }
  server.on("request", app.handler);
  return {
    listening: `http://127.0.0.1:${port}`,
    url: new URL(options.env.BASE_URL || `http://localhost:${port}`).origin,
    dance: app.dance,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
