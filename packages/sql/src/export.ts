/**
 * Reading the token table back outside Dance: for a migration to another storage, a backup, or
 * an audit. Sealed rows are opened with `createSealBox(secret)` from `@dance/core` — the same
 * secret map the Dance uses.
 *
 * @module
 */
import { createSealBox, type SecretInput, type Token } from "@dance/core";
import type { Kysely } from "kysely";
import { checkTable, DEFAULT_TABLE } from "./schema.js";
import { tokenPurpose } from "./storage.js";

/**
 * Options of {@link readTokens}.
 *
 * @example
 * ```ts
 * const options: ReadTokensOptions = { db, secret: { 2: newSecret, 1: oldSecret }, table: "oauth_tokens" };
 * ```
 * @see {@link readTokens}
 */
export interface ReadTokensOptions {
  /** The database. */
  db: Kysely<any>;
  /** The Dance's secret (or secret map): what opens the rows. */
  secret: SecretInput;
  /** The token table. Default `dance_tokens`. */
  table?: string | undefined;
  /** Rows per query. Default 500. */
  batchSize?: number | undefined;
}

/**
 * A row read back by {@link readTokens}.
 *
 * @example
 * ```ts
 * for await (const record of readTokens({ db, secret })) console.log(record.provider, record.userId, record.token !== null);
 * ```
 * @see {@link readTokens}
 */
export interface TokenRecord {
  id: string;
  provider: string;
  userId: string | null;
  providerUserId: string | null;
  /** The token, or null when the row could not be opened with the secret given. */
  token: Token | null;
  /** True when an older secret of the map sealed it. */
  stale: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Every row of the token table, opened: an async iterator, in batches by `id`.
 *
 * @example
 * ```ts
 * import { readTokens } from "@dance/sql";
 * for await (const row of readTokens({ db, secret: process.env.DANCE_SECRET! })) {
 *   if (row.token) await newStore.put(`${row.provider}:${row.userId}`, row.token);
 *   else console.warn(`row ${row.id} does not open with this secret`);
 * }
 * ```
 * @see {@link createSealBox} in `@dance/core`
 */
export async function* readTokens(options: ReadTokensOptions): AsyncGenerator<TokenRecord> {
  const table = checkTable(options.table ?? DEFAULT_TABLE);
  const box = createSealBox(options.secret);
  const batchSize = options.batchSize ?? 500;
  let after: number | string = -1;
  for (;;) {
    const rows: Record<string, unknown>[] = await options.db
      .selectFrom(table)
      .select(["id", "provider", "user_id", "provider_user_id", "token", "created_at", "updated_at"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const userId = row.user_id === null ? null : String(row.user_id);
      const value = String(row.token);
      let token: Token | null = null;
      let stale = false;
      if (box.isSealed(value)) {
        const opened = await box.open<Token>(tokenPurpose(String(row.provider), userId), value);
        if (opened) ({ value: token, stale } = opened);
      } else {
        try {
          token = JSON.parse(value) as Token;
        } catch {
          token = null;
        }
      }
      yield {
        id: String(row.id),
        provider: String(row.provider),
        userId,
        providerUserId: row.provider_user_id === null ? null : String(row.provider_user_id),
        token: token ? { ...token } : null,
        stale,
        createdAt: new Date(row.created_at as string | Date),
        updatedAt: new Date(row.updated_at as string | Date),
      };
    }
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id as number | string;
  }
}
