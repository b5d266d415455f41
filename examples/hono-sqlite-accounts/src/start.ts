/**
 * Start the example on 127.0.0.1: the Hono app on `@hono/node-server`, and — for GitHub and
 * Google without credentials — the local OpenID Provider standing in for them.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { ProviderDefinition } from "@dance/core";
import { github } from "@dance/providers/github";
import { google } from "@dance/providers/google";
import { oidc } from "@dance/providers/oidc";
import { createAccountsApp } from "./accounts.js";
import { startLocalProvider, type LocalProvider } from "./local-provider.js";

/** Options of {@link startAccountsExample}. */
export interface ExampleOptions {
  /** The app's port on 127.0.0.1. Default 3000; a busy port falls back to a free one; 0 → a free one. */
  port?: number;
  /** The local provider's port. Default 3001, with the same fallback. */
  providerPort?: number;
  /** The SQLite file. Default `accounts.db` (in the working directory). */
  database?: string;
  /** Default `DANCE_SECRET`, else a random one per start. */
  secret?: string | undefined;
  /** Where `GITHUB_OAUTH_CLIENT_ID` & co. are read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: "127.0.0.1", port }, () => resolve(server));
    server.once("error", reject);
  });
}

/** Start it; returns where it listens and how to stop it. */
export async function startAccountsExample(options: ExampleOptions = {}) {
  const env = options.env ?? process.env;
  let handler: (request: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  const port = options.port ?? 3000;
  const server = await listen((request) => handler(request), port).catch((error: unknown) => {
    if (port === 0 || (error as { code?: string }).code !== "EADDRINUSE") throw error;
    return listen((request) => handler(request), 0);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const hasGithub = Boolean(env.GITHUB_OAUTH_CLIENT_ID && env.GITHUB_OAUTH_CLIENT_SECRET);
  const hasGoogle = Boolean(env.GOOGLE_OAUTH_CLIENT_ID && env.GOOGLE_OAUTH_CLIENT_SECRET);
  let local: LocalProvider | undefined;
  if (!hasGithub || !hasGoogle) local = await startLocalProvider(url, ["/login/github/authorized", "/login/google/authorized"], options.providerPort ?? 3001);
  const standIn = (id: "github" | "google") =>
    oidc({ id, name: `${id === "github" ? "GitHub" : "Google"} (local stand-in)`, issuer: local!.provider.issuer, clientId: local!.clientId, clientSecret: local!.clientSecret, scope: ["openid", "profile", "email"] });
  const providers: ProviderDefinition<"github" | "google">[] = [
    hasGithub ? github({ clientId: env.GITHUB_OAUTH_CLIENT_ID, clientSecret: env.GITHUB_OAUTH_CLIENT_SECRET }) : standIn("github"),
    hasGoogle ? google({ clientId: env.GOOGLE_OAUTH_CLIENT_ID, clientSecret: env.GOOGLE_OAUTH_CLIENT_SECRET, scope: ["openid", "email", "profile"] }) : standIn("google"),
  ];
  const accounts = await createAccountsApp({
    database: options.database ?? "accounts.db",
    secret: options.secret ?? env.DANCE_SECRET ?? randomBytes(32).toString("base64url"),
    providers,
    standIn: !hasGithub || !hasGoogle,
    profileUrls: {
      github: hasGithub ? "https://api.github.com/user" : local!.provider.endpoints.userinfo,
      google: hasGoogle ? "https://openidconnect.googleapis.com/v1/userinfo" : local!.provider.endpoints.userinfo,
    },
  });
  handler = (request) => accounts.app.fetch(request);
  return {
    url,
    providerUrl: local?.provider.issuer,
    accounts,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await local?.provider.close();
      await accounts.close();
    },
  };
}
