/**
 * The one Dance configuration every runtime of the adapter conformance suite runs, built from
 * string environment variables (process.env, Deno.env, a Worker's bindings), and the answers
 * its apps give. Runtime-neutral: no `node:` imports.
 */
import type { DanceConfig, DanceContext } from "@dance/core";
import { oidc } from "@dance/providers/oidc";

/** `fake` answers on the query string; `fakepost` with `response_mode=form_post`. */
export type ConformanceId = "fake" | "fakepost";

/** What a runtime is given to start its app. */
export interface ConformanceEnv {
  /** Seals the cookies. */
  DANCE_SECRET: string;
  /** The fake provider's issuer, `http://127.0.0.1:<port>`. */
  FAKE_ISSUER: string;
  FAKE_CLIENT_ID: string;
  FAKE_CLIENT_SECRET: string;
}

/** The configuration of `env`; never reads anything else. */
export function conformanceConfig(env: ConformanceEnv): DanceConfig<ConformanceId> {
  const common = {
    issuer: env.FAKE_ISSUER,
    clientId: env.FAKE_CLIENT_ID,
    clientSecret: env.FAKE_CLIENT_SECRET,
    scope: ["openid"],
    refresh: true,
    apiBaseUrl: `${env.FAKE_ISSUER}/api/`,
  };
  return {
    secret: env.DANCE_SECRET,
    providers: [oidc({ id: "fake", ...common }), oidc({ id: "fakepost", ...common, responseMode: "form_post" })],
    redirectTo: "/",
    warn: () => {},
  };
}

/** `GET /` and `GET /private`: the access token of each provider, or null. */
export async function tokens(dance: DanceContext<ConformanceId>): Promise<Record<ConformanceId, string | null>> {
  const [fake, fakepost] = await Promise.all([dance.session("fake"), dance.session("fakepost")]);
  return { fake: fake.token?.access_token ?? null, fakepost: fakepost.token?.access_token ?? null };
}

/**
 * `GET /api`: a call to the provider's API through `session.fetch` (refreshing an expiring
 * token first); `not_authorized` is thrown to the adapter when logged out.
 */
export async function callApi(dance: DanceContext<ConformanceId>): Promise<{ status: number; path: unknown }> {
  const response = await (await dance.session("fake")).fetch("me");
  return { status: response.status, path: ((await response.json()) as { path?: unknown }).path };
}
