/**
 * A lock row with an expiry, in the database the tokens live in: mutual exclusion for every app
 * instance and process sharing that database (SQLite file, PostgreSQL, D1), with single
 * statements only (D1 has no interactive transactions). The holder extends the expiry while it
 * runs; a crashed holder's row expires after `ttl`.
 *
 * @internal
 * @module
 */
import { sql, type Kysely } from "kysely";
import { StorageError } from "@dance/core";

/** Options of {@link RowLock}. @internal */
export interface RowLockOptions {
  /** How long a lock outlives a holder that stopped extending it (a crash), ms. */
  ttl: number;
  /** How long to wait for a lock before giving up (`lock_timeout`), ms. */
  wait: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function randomOwner(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Lock rows in `{table}_locks`. @internal */
export class RowLock {
  readonly #db: Kysely<any>;
  readonly #table: string;
  readonly #options: RowLockOptions;
  /** In this process, waiters queue here first, so only one of them polls the database. */
  readonly #local = new Map<string, Promise<unknown>>();

  constructor(db: Kysely<any>, table: string, options: RowLockOptions) {
    this.#db = db;
    this.#table = `${table}_locks`;
    this.#options = options;
  }

  /** Run `fn` holding the lock `key`; released when `fn` settles. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.#local.get(key) ?? Promise.resolve();
    const run = before.then(
      () => this.#hold(key, fn),
      () => this.#hold(key, fn),
    );
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#local.set(key, settled);
    void settled.then(() => this.#local.get(key) === settled && this.#local.delete(key));
    return run;
  }

  async #hold<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const owner = randomOwner();
    await this.#acquire(key, owner);
    let extending = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const extend = () => {
      timer = setTimeout(() => {
        if (!extending) return;
        this.#extend(key, owner).then(
          () => extending && extend(),
          () => extending && extend(),
        );
      }, Math.max(50, Math.floor(this.#options.ttl / 3)));
      (timer as { unref?: () => void }).unref?.();
    };
    extend();
    try {
      return await fn();
    } finally {
      extending = false;
      clearTimeout(timer);
      // A release that fails (the database went away) leaves a row that expires after `ttl`.
      await this.#release(key, owner).catch(() => undefined);
    }
  }

  async #acquire(key: string, owner: string): Promise<void> {
    const deadline = Date.now() + this.#options.wait;
    let pause = 5;
    for (;;) {
      if (await this.#tryAcquire(key, owner)) return;
      if (Date.now() >= deadline) throw new StorageError("lock_timeout", `The token lock "${key}" was not obtained within ${this.#options.wait} ms.`);
      await sleep(Math.min(pause, Math.max(1, deadline - Date.now())) * (0.5 + Math.random()));
      pause = Math.min(pause * 1.6, 100);
    }
  }

  /** One statement: insert the row, or take it over when it expired; ours when it comes back with our owner. */
  async #tryAcquire(key: string, owner: string): Promise<boolean> {
    const now = Date.now();
    const table = sql.table(this.#table);
    const result = await sql<{ owner: string }>`insert into ${table} (lock_key, owner, expires_at) values (${key}, ${owner}, ${now + this.#options.ttl})
on conflict (lock_key) do update set owner = excluded.owner, expires_at = excluded.expires_at
where ${sql.ref(`${this.#table}.expires_at`)} < ${now}
returning owner`.execute(this.#db);
    return result.rows.length === 1 && result.rows[0]!.owner === owner;
  }

  async #extend(key: string, owner: string): Promise<void> {
    await sql`update ${sql.table(this.#table)} set expires_at = ${Date.now() + this.#options.ttl} where lock_key = ${key} and owner = ${owner}`.execute(this.#db);
  }

  async #release(key: string, owner: string): Promise<void> {
    await sql`delete from ${sql.table(this.#table)} where lock_key = ${key} and owner = ${owner}`.execute(this.#db);
  }
}
