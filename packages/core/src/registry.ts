/**
 * Where a Dance finds its configured instances (one per environment) and the context of each
 * request.
 *
 * @internal
 * @module
 */
import { defaultEnv, resolveConfig, type DanceConfig } from "./config.js";
import { Instance, RequestContext } from "./instance.js";
import type { SharedCaches } from "./shared.js";

/** The instances of one Dance: one per env object, built on first use (a static configuration at once). */
export class Instances {
  readonly #config: DanceConfig | ((env: object) => DanceConfig);
  readonly #shared: SharedCaches;
  readonly #built = new WeakMap<object, Instance>();
  readonly #defaultEnv: object;
  /** The instance of a configuration that is an object (validated at creation, so mistakes fail at start-up). */
  readonly static: Instance | undefined;

  constructor(config: DanceConfig | ((env: object) => DanceConfig), shared: SharedCaches) {
    this.#config = config;
    this.#shared = shared;
    this.#defaultEnv = (typeof config === "object" && config.env) || defaultEnv();
    this.static = typeof config === "object" ? this.#build(this.#defaultEnv) : undefined;
  }

  /** The instance for `env` (the default env — `config.env` or `process.env` — when absent). */
  for(env: object | undefined): Instance {
    return this.static ?? this.#build(env ?? this.#defaultEnv);
  }

  #build(env: object): Instance {
    let instance = this.#built.get(env);
    if (!instance) {
      const config = typeof this.#config === "function" ? this.#config(env) : this.#config;
      instance = new Instance(resolveConfig(config, (config?.env ?? env) as Readonly<Record<string, unknown>>, this.#shared), this.#shared);
      this.#built.set(env, instance);
    }
    return instance;
  }
}

/**
 * The context of each request, kept on the Request itself under a symbol private to one
 * Dance: a WeakMap entry per request costs the garbage collector more than the rest of the
 * hot path (a WeakMap is the fallback for frozen requests).
 */
export class Contexts {
  readonly #key = Symbol("dance.context");
  readonly #fallback = new WeakMap<Request, RequestContext>();
  readonly #instances: Instances;

  constructor(instances: Instances) {
    this.#instances = instances;
  }

  /** The context of `request`, if one was created. */
  existing(request: Request): RequestContext | undefined {
    return (request as unknown as Record<symbol, RequestContext | undefined>)[this.#key] ?? this.#fallback.get(request);
  }

  /** The context of `request`, created (bound to `env`'s instance) on first use. */
  of(request: Request, env?: object): RequestContext {
    const own = this.existing(request);
    if (own) return own;
    const created = new RequestContext(request, this.#instances.for(env));
    if (Object.isExtensible(request)) Object.defineProperty(request, this.#key, { value: created });
    else this.#fallback.set(request, created);
    return created;
  }
}
