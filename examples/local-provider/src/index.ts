/**
 * The demo's local OpenID Provider (panva's `oidc-provider`, in this process, on 127.0.0.1), for
 * every example: started when an example runs without real provider credentials, so a newcomer
 * can click through the dance on any runtime with no account anywhere.
 *
 * @example
 * ```ts
 * const op = await startLocalProvider({ appUrl: "http://127.0.0.1:3000", callbackPaths: ["/login/google/authorized"] });
 * oidc({ id: "google", issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret });
 * ```
 * @module
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { confidentialClient, startOidcProvider, type OidcEndpoints, type RunningOidcProvider } from "@dance/testing";

/** Options of {@link startLocalProvider}. */
export interface LocalProviderOptions {
  /** The app's origin, e.g. `http://127.0.0.1:3000`: its callbacks and its home page (after logout) are registered. */
  appUrl: string;
  /** The callback paths of the app, e.g. `["/login/local/authorized"]`. */
  callbackPaths: readonly string[];
  /** The provider's port on 127.0.0.1. Default 3001; a busy port falls back to a free one; 0 → a free one. */
  port?: number;
  /** The client id registered. Default `dance-demo`. */
  clientId?: string;
}

/** A running local provider. */
export interface LocalProvider {
  /** `http://127.0.0.1:<port>`. */
  readonly issuer: string;
  readonly clientId: string;
  /** Random per start. */
  readonly clientSecret: string;
  readonly endpoints: OidcEndpoints;
  /** The end-session URL that comes back to the app's home page ("log out at the provider"). */
  readonly logoutUrl: string;
  readonly provider: RunningOidcProvider;
  close(): Promise<void>;
}

const isAddressInUse = (error: unknown) => (error as { code?: unknown } | null)?.code === "EADDRINUSE";

/** `preferred` when it is free on 127.0.0.1, else a free port (0 → a free port). */
export async function pickPort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const { port: bound } = server.address() as AddressInfo;
        server.close(() => resolve(bound));
      });
    });
  try {
    return await tryPort(preferred);
  } catch (error) {
    if (preferred === 0 || !isAddressInUse(error)) throw error;
    return tryPort(0);
  }
}

/**
 * The provider's "log out?" and "logged out" pages: plain ones of our own (`oidc-provider`'s
 * defaults print a "customize me" notice on every use and load a web font).
 */
function logoutPages(appUrl: string): Record<string, unknown> {
  const page = (title: string, content: string) => `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><main style="font:16px/1.5 system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:1.5rem;background:#f7f7f9;border-radius:10px">
<h1 style="font-size:1.3rem;margin-top:0">${title}</h1>${content}</main>`;
  return {
    features: {
      rpInitiatedLogout: {
        enabled: true,
        // `form` is oidc-provider's own hidden form (with its CSRF token); the buttons submit it.
        logoutSource(ctx: { body: string }, form: string) {
          ctx.body = page(
            "Log out of the local OpenID Provider?",
            `<p>The provider remembers your login; after this it asks for a name again.</p>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, log me out</button>
<button type="submit" form="op.logoutForm">No, stay logged in</button>`,
          );
        },
        postLogoutSuccessSource(ctx: { body: string }) {
          ctx.body = page("Logged out of the provider", `<p><a href="${appUrl}/">Back to the app</a></p>`);
        },
      },
    },
  };
}

/** Start the local OpenID Provider with one confidential client for the app. Log in there with any name. */
export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  const appUrl = new URL(options.appUrl).origin;
  const clientId = options.clientId ?? "dance-demo";
  const clientSecret = randomBytes(32).toString("base64url");
  const redirectUris = options.callbackPaths.map((path) => `${appUrl}${path}`);
  const clients = [{ ...confidentialClient({ clientId, clientSecret, redirectUris }), post_logout_redirect_uris: [`${appUrl}/`] }];
  const port = options.port ?? 3001;
  const configuration = logoutPages(appUrl);
  const provider = await startOidcProvider({ clients, port, configuration }).catch((error: unknown) => {
    if (port === 0 || !isAddressInUse(error)) throw error;
    return startOidcProvider({ clients, port: 0, configuration });
  });
  const logout = new URL(provider.endpoints.endSession);
  logout.searchParams.set("client_id", clientId);
  logout.searchParams.set("post_logout_redirect_uri", `${appUrl}/`);
  return Object.freeze({
    issuer: provider.issuer,
    clientId,
    clientSecret,
    endpoints: provider.endpoints,
    logoutUrl: logout.href,
    provider,
    close: () => provider.close(),
  });
}
