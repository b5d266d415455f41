/**
 * A real OAuth 1.0a provider for tests: `oauth1/provider.py`, oauthlib's RFC 5849 endpoints
 * (Debian's `python3-oauthlib`) behind Python's `http.server` on `127.0.0.1`, started as a child
 * process. It is the independent verifier of OAuth 1 signatures: what it accepts, oauthlib
 * accepted — nonces and timestamps checked, request tokens bound to their client and single use,
 * verifiers checked, access tokens bound to their client.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * A client registered at the provider. Give `secret` (HMAC-SHA1, PLAINTEXT) or `rsaPublicKey` (RSA-SHA1), or both.
 *
 * @example
 * ```ts
 * const hmac: OAuth1ProviderClient = { key: "printer", secret: "printer-secret", callbacks: ["http://127.0.0.1:3000/cb"] };
 * const rsa: OAuth1ProviderClient = { key: "printer-rsa", rsaPublicKey: publicKey.export({ type: "spki", format: "pem" }) as string };
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-3.4.3
 */
export interface OAuth1ProviderClient {
  /** The client identifier (`oauth_consumer_key`): 3–64 letters, digits, `-` or `_`. */
  key: string;
  /** The client shared-secret. */
  secret?: string | undefined;
  /** The client's RSA public key, PEM (`BEGIN PUBLIC KEY`). */
  rsaPublicKey?: string | undefined;
  /** The only `oauth_callback` values accepted. Default: any absolute http(s) URL, or `oob`. */
  callbacks?: readonly string[] | undefined;
}

/**
 * Options of {@link startOAuth1Provider}.
 *
 * @example
 * ```ts
 * const options: OAuth1ProviderOptions = { clients: [{ key: "printer", secret: "printer-secret" }], deny: true };
 * ```
 * @see https://oauthlib.readthedocs.io/en/latest/oauth1/validator.html
 */
export interface OAuth1ProviderOptions {
  /** The registered clients. */
  clients: readonly OAuth1ProviderClient[];
  /** Refuse every authorization: the authorize step redirects to the callback with `denied=<oauth_token>`. Per request: `?deny=1` on the authorize URL. */
  deny?: boolean | undefined;
  /** False: the request-token answer lacks `oauth_callback_confirmed=true`, as an OAuth 1.0 (not 1.0a) provider's does. Default true. */
  confirmCallback?: boolean | undefined;
  /** How far (seconds) `oauth_timestamp` may be from the provider's clock. Default 600. */
  timestampLifetime?: number | undefined;
  /** The Python interpreter. Default `/usr/bin/python3` (Debian's, where `python3-oauthlib` installs). */
  python?: string | undefined;
}

/**
 * A running {@link startOAuth1Provider}.
 *
 * @example
 * ```ts
 * const provider: RunningOAuth1Provider = await startOAuth1Provider({ clients });
 * await fetch(`${provider.authorizeUrl}?oauth_token=${temporary.oauth_token}`, { redirect: "manual" });
 * await provider.close();
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc5849#section-2
 */
export interface RunningOAuth1Provider {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `POST` here for temporary credentials (RFC 5849 §2.1). */
  requestTokenUrl: string;
  /** Send the user here with `?oauth_token=…` (RFC 5849 §2.2); it approves at once and redirects to the callback. */
  authorizeUrl: string;
  /** `POST` here for token credentials (RFC 5849 §2.3). */
  accessTokenUrl: string;
  /** `<url>/api/`: any path below answers JSON describing the verified request, or 401 with oauthlib's reasons. */
  apiBaseUrl: string;
  /** Stop the provider. */
  close(): Promise<void>;
}

const INSTALL_HINT = "the OAuth 1 test provider needs Debian's python3-oauthlib for /usr/bin/python3: apt-get install python3-oauthlib";

/**
 * Start the oauthlib-based OAuth 1.0a provider on `127.0.0.1` (a free port). Fails with a clear
 * message naming `apt-get install python3-oauthlib` when the interpreter or the module is missing.
 *
 * @example
 * ```ts
 * const provider = await startOAuth1Provider({ clients: [{ key: "printer", secret: "printer-secret" }] });
 * const signer = await createOAuth1Signer({ consumerKey: "printer", consumerSecret: "printer-secret" });
 * const response = await fetch(await oauth1RequestTokenRequest(signer, provider.requestTokenUrl, { callback }));
 * // … authorize, access token, then signed calls under provider.apiBaseUrl …
 * await provider.close();
 * ```
 * @see https://oauthlib.readthedocs.io/en/latest/oauth1/server.html
 */
export async function startOAuth1Provider(options: OAuth1ProviderOptions): Promise<RunningOAuth1Provider> {
  const python = options.python ?? "/usr/bin/python3";
  const script = fileURLToPath(new URL("../oauth1/provider.py", import.meta.url));
  const config = {
    clients: options.clients.map((c) => ({ key: c.key, secret: c.secret, rsa_public_key: c.rsaPublicKey, callbacks: c.callbacks })),
    deny: options.deny ?? false,
    confirm_callback: options.confirmCallback ?? true,
    timestamp_lifetime: options.timestampLifetime ?? 600,
  };
  const child = spawn(python, [script, JSON.stringify(config)], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));

  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    const fail = (message: string) => {
      child.kill();
      reject(new Error(message));
    };
    child.once("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "ENOENT" ? `${python} not found; ${INSTALL_HINT}` : `could not start ${python}: ${error.message}`),
    );
    child.once("exit", (code) => {
      const missing = code === 3 || /No module named ['"]?(oauthlib|jwt|cryptography)/.test(stderr);
      fail(missing ? `${INSTALL_HINT} (${stderr.trim()})` : `the OAuth 1 test provider exited with ${code} before listening: ${stderr.trim()}`);
    });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline === -1) return;
      const port = Number(stdout.slice(0, newline).trim());
      child.removeAllListeners("exit");
      if (Number.isInteger(port) && port > 0) resolve(port);
      else fail(`the OAuth 1 test provider printed no port: ${stdout.slice(0, 200)}`);
    });
  });

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    requestTokenUrl: `${url}/oauth/request_token`,
    authorizeUrl: `${url}/oauth/authorize`,
    accessTokenUrl: `${url}/oauth/access_token`,
    apiBaseUrl: `${url}/api/`,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end(); // the provider exits when its standard input closes
      const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
