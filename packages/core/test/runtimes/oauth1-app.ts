/**
 * One small app for the runtime suites (workerd, Deno): the OAuth 1.0a signing layer on RFC
 * 5849's vectors, and Dance with an HMAC-SHA1 and an RSA-SHA1 provider pointed at the oauthlib
 * test provider. It uses web APIs only, so the same file runs as a Worker (no `nodejs_compat`)
 * and under `Deno.serve`.
 */
import { createDance, isDanceError } from "@dance/core";
import { createOAuth1Signer, oauth1Sign, signOAuth1Request } from "@dance/core/oauth1";
import { oauth1, readKeyFile } from "@dance/providers/oauth1";

/** The bindings (Worker) or environment variables (Deno) of the app. */
export interface AppEnv {
  /** ≥ 32 characters. */
  SECRET: string;
  /** The oauthlib test provider, `http://127.0.0.1:<port>`. */
  PROVIDER: string;
  HMAC_KEY: string;
  HMAC_SECRET: string;
  RSA_KEY: string;
  /** The RSA private key as PEM text… */
  RSA_PEM?: string;
  /** …or the path of a PEM file (where the runtime has a file system). */
  RSA_PEM_FILE?: string;
}

function endpoints(provider: string) {
  return {
    requestTokenUrl: `${provider}/oauth/request_token`,
    authorizationUrl: `${provider}/oauth/authorize`,
    accessTokenUrl: `${provider}/oauth/access_token`,
    apiBaseUrl: `${provider}/api/`,
  };
}

const dance = createDance((env: AppEnv) => ({
  secret: env.SECRET,
  env: {},
  providers: [
    oauth1({ id: "printer", ...endpoints(env.PROVIDER), clientKey: env.HMAC_KEY, clientSecret: env.HMAC_SECRET }),
    oauth1({
      id: "printer-rsa",
      ...endpoints(env.PROVIDER),
      signatureMethod: "RSA-SHA1",
      clientKey: env.RSA_KEY,
      rsaKey: env.RSA_PEM_FILE ?? env.RSA_PEM,
      hooks: { rsaKeyFile: readKeyFile },
    }),
  ],
}));

const at = (seconds: number) => () => seconds * 1000;

/** RFC 5849 §1.2 (the photos example's protected resource) and §3.4.1.1 (the base string example), computed here. */
async function vectors() {
  const photos = await createOAuth1Signer({ consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44", realm: "Photos", includeVersion: false });
  const resource = await signOAuth1Request(
    photos,
    new Request("http://photos.example.net/photos?file=vacation.jpg&size=original"),
    { oauth_token: "nnch734d00sl2jdk", oauth_token_secret: "pfkkdhi9sl3r4s00" },
    { nonce: "chapoH", now: at(137131202) },
  );
  const example = await createOAuth1Signer({ consumerKey: "9djdj82h48djs9d2", consumerSecret: "j49sk3j29djd", includeVersion: false });
  const parts = await oauth1Sign(
    example,
    { method: "POST", url: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", form: "c2&a3=2+q", token: { oauth_token: "kkk9d7dh3k39sjv7", oauth_token_secret: "dh893hdasih9" } },
    { nonce: "7d8f3e4a", now: at(137131201) },
  );
  return { photos: resource.headers.get("authorization"), baseString: parts.baseString, signature: parts.oauth["oauth_signature"] };
}

/** Three signed calls through the session: a query, a form body, JSON. */
async function calls(session: Awaited<ReturnType<typeof dance.session>>) {
  const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as unknown });
  return {
    token: session.token,
    get: await answer(await session.fetch("things?a=1&a=2&b=x%20y")),
    form: await answer(await session.fetch("things?a=query", { method: "POST", body: new URLSearchParams([["a", "body"], ["c", "d e"]]) })),
    json: await answer(await session.fetch("things", { method: "POST", body: JSON.stringify({ x: 1 }), headers: { "content-type": "application/json" } })),
  };
}

/** The app: `/runtime`, `/keyfile`, Dance's routes, `/calls/<provider>`. */
export async function handle(request: Request, env: AppEnv): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === "/runtime") {
    return Response.json({ process: typeof process, buffer: typeof Buffer, vectors: await vectors() });
  }
  if (url.pathname === "/keyfile") {
    // An RSA key given as a file path: read where the runtime has a file system, a clear configuration error elsewhere.
    const path = url.searchParams.get("path") ?? "/nonexistent/key.pem";
    const keyed = createDance({
      secret: env.SECRET,
      env: {},
      providers: [oauth1({ id: "keyed", ...endpoints(env.PROVIDER), signatureMethod: "RSA-SHA1", clientKey: env.RSA_KEY, rsaKey: path, hooks: { rsaKeyFile: readKeyFile } })],
    });
    try {
      await keyed.ready();
      return Response.json({ ok: true });
    } catch (error) {
      return Response.json({ ok: false, code: isDanceError(error) ? error.code : "unexpected", message: (error as Error).message });
    }
  }
  const context = dance.context(request, { env });
  if (context.matches()) return context.handle();
  const provider = /^\/calls\/(printer|printer-rsa)$/.exec(url.pathname)?.[1] as "printer" | "printer-rsa" | undefined;
  if (provider) {
    const session = await context.session(provider);
    if (!session.authorized) return new Response("not logged in", { status: 401 });
    return context.commit(Response.json(await calls(session)));
  }
  return new Response("Not Found", { status: 404 });
}
