/**
 * Configuration per environment: `createDance((env) => config)` builds one configuration per
 * env object (a Worker's bindings arrive with each request), never mutates what it is given,
 * and shares discovery, JWKS, sealed-cookie caches, the replay guard, refreshes in flight and
 * event subscriptions between the configurations it builds.
 */
import { describe, expect, it } from "vitest";
import { createDance, DanceConfigError, MemoryStorage, type Dance, type DanceConfig } from "@dance/core";
import { oidc } from "@dance/providers/oidc";
import { APP, Browser, Clock, followAuthorize, SECRET, useFakeProvider } from "./helpers.js";

const clock = new Clock();
const fake = useFakeProvider(clock);

interface Env {
  DANCE_SECRET: string;
  CLIENT_ID: string;
  CLIENT_SECRET: string;
}

/** A Dance configured from `env`, counting how often the configuration is built. */
function perEnvDance(extra: Partial<DanceConfig> = {}) {
  const built: Env[] = [];
  const dance = createDance((env: Env) => {
    built.push(env);
    return {
      secret: env.DANCE_SECRET,
      providers: [oidc({ id: "fake", issuer: fake.issuer, clientId: env.CLIENT_ID, clientSecret: env.CLIENT_SECRET, refresh: true })],
      now: clock.now,
      ...extra,
    };
  });
  return { dance, built };
}

/** A test browser whose requests the Dance serves with `env`. */
const browserFor = (dance: ReturnType<typeof perEnvDance>["dance"], env: Env) => new Browser({ handler: (request: Request) => dance.handler(request, env) } as unknown as Dance);

const envOf = (overrides: Partial<Env> = {}): Env => Object.freeze({ DANCE_SECRET: SECRET, CLIENT_ID: fake.clientId, CLIENT_SECRET: fake.clientSecret, ...overrides });

describe("configuration per environment", () => {
  it("builds one configuration per env object, from that env, without touching it", async () => {
    const { dance, built } = perEnvDance();
    expect(built).toHaveLength(0); // nothing to build before an env arrives
    const a = envOf();
    const b = envOf({ CLIENT_ID: "another-client" });
    for (let i = 0; i < 3; i++) {
      const login = await dance.handler(new Request(`${APP}/login/fake`), a);
      expect(new URL(login.headers.get("location")!).searchParams.get("client_id")).toBe(fake.clientId);
    }
    const other = await dance.handler(new Request(`${APP}/login/fake`), b);
    expect(new URL(other.headers.get("location")!).searchParams.get("client_id")).toBe("another-client");
    expect(built).toEqual([a, b]); // frozen env objects: never written to
  });

  it("shares discovery and the JWKS between the configurations it builds", async () => {
    const { dance } = perEnvDance();
    for (const env of [envOf(), envOf(), envOf()]) {
      const browser = browserFor(dance, env);
      expect((await browser.login()).status).toBe(302);
    }
    expect(fake.requestsTo("/.well-known/openid-configuration")).toHaveLength(1);
    expect(fake.requestsTo("/jwks")).toHaveLength(1);
  });

  it("shares the replay guard: a callback used under one env cannot be replayed under another", async () => {
    const { dance } = perEnvDance();
    const [one, two] = [envOf(), envOf()];
    const login = await dance.handler(new Request(`${APP}/login/fake`), one);
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    const callback = await followAuthorize(login.headers.get("location")!);
    const first = await dance.handler(new Request(callback, { headers: { cookie } }), one);
    expect(first.status).toBe(302);
    const replay = await dance.handler(new Request(callback, { headers: { cookie } }), two);
    expect(replay.headers.get("x-dance-error")).toBe("missing_transaction");
  });

  it("shares sealed-cookie caches by secret: a cookie of one env opens under another with the same secret, not under another secret", async () => {
    const { dance } = perEnvDance();
    const browser = browserFor(dance, envOf());
    expect((await browser.login()).status).toBe(302);
    const sameSecret = dance.context(browser.request("/"), { env: envOf() });
    expect((await sameSecret.session("fake")).authorized).toBe(true);
    const otherSecret = dance.context(browser.request("/"), { env: envOf({ DANCE_SECRET: "another-secret-0123456789-abcdefghijk" }) });
    expect((await otherSecret.session("fake")).authorized).toBe(false);
  });

  it("shares refreshes in flight: requests of two envs with the same expired token cause one refresh", async () => {
    const storage = new MemoryStorage();
    const { dance } = perEnvDance({ storage });
    const env = envOf();
    const browser = browserFor(dance, env);
    expect((await browser.login()).status).toBe(302);
    clock.advance(3600 + 5);
    fake.reset();
    const results = await Promise.all(
      [envOf(), envOf(), env, envOf()].map(async (e) => {
        const session = await dance.context(browser.request("/"), { env: e }).session("fake");
        return (await session.fetch("/api/me")).status;
      }),
    );
    expect(results).toEqual([200, 200, 200, 200]);
    expect(fake.tokenRequests.filter((r) => r.form.get("grant_type") === "refresh_token")).toHaveLength(1);
  });

  it("shares event subscriptions: dance.on() hears every env's dance", async () => {
    const { dance } = perEnvDance();
    const heard: string[] = [];
    dance.on("beforeLogin", ({ provider }) => void heard.push(provider));
    await dance.handler(new Request(`${APP}/login/fake`), envOf());
    await dance.handler(new Request(`${APP}/login/fake`), envOf());
    expect(heard).toEqual(["fake", "fake"]);
  });

  it("a configuration that cannot work for an env: ready(env) throws what to set; the handler answers 500 without details", async () => {
    const { dance } = perEnvDance();
    const broken = envOf({ DANCE_SECRET: "" });
    await expect(dance.ready(broken)).rejects.toBeInstanceOf(DanceConfigError);
    await expect(dance.ready(broken)).rejects.toThrow(/DANCE_SECRET/);
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      const response = await dance.handler(new Request(`${APP}/login/fake`), broken);
      expect({ status: response.status, code: response.headers.get("x-dance-error") }).toEqual({ status: 500, code: "invalid_config" });
      expect(await response.text()).not.toContain("DANCE_SECRET"); // the details are for the operator's log
      expect(logged.join("\n")).toContain("DANCE_SECRET");
    } finally {
      console.error = original;
    }
  });
});
