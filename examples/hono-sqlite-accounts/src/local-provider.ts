/**
 * The demo's local OpenID Provider (panva's `oidc-provider` through `@dance/testing`, in this
 * process, on 127.0.0.1), standing in for GitHub and Google when their credentials are not set:
 * log in there with any name.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import { confidentialClient, startOidcProvider, type RunningOidcProvider } from "@dance/testing";

/** A running local provider and the client registered for the app. */
export interface LocalProvider {
  readonly provider: RunningOidcProvider;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Start it with one client whose redirect URIs are the app's callbacks. `port` 0: a free one; a busy port falls back to a free one. */
export async function startLocalProvider(appUrl: string, callbackPaths: readonly string[], port: number): Promise<LocalProvider> {
  const clientId = "hono-sqlite-accounts";
  const clientSecret = randomBytes(32).toString("base64url");
  const clients = [confidentialClient({ clientId, clientSecret, redirectUris: callbackPaths.map((path) => new URL(path, appUrl).href) })];
  const provider = await startOidcProvider({ clients, port }).catch((error: unknown) => {
    if (port === 0 || (error as { code?: string }).code !== "EADDRINUSE") throw error;
    return startOidcProvider({ clients, port: 0 });
  });
  return { provider, clientId, clientSecret };
}
