/**
 * `@dance/sql`: token storage for Dance on SQL — SQLite (embedded), PostgreSQL and Cloudflare D1
 * through Kysely, with Flask-Dance's multi-user model and tokens encrypted at rest. The drivers
 * live in subpaths: `@dance/sql/sqlite` (better-sqlite3), `@dance/sql/postgres` (pg),
 * `@dance/sql/d1` (the D1 binding); this entry point runs anywhere (Workers included).
 *
 * @example
 * ```ts
 * import { sqlStorage } from "@dance/sql";
 * import { sqliteDatabase } from "@dance/sql/sqlite";
 *
 * const tokens = sqlStorage({ db: sqliteDatabase("app.db"), user: (request) => currentUserId(request) });
 * await tokens.migrate();
 * export const dance = createDance({ secret: process.env.DANCE_SECRET, providers: [github()], storage: tokens });
 * ```
 * @module
 */
export { idTokenSubject, SqlStorage, sqlStorage, tokenPurpose } from "./storage.js";
export type { LinkedAccount, SqlStorageOptions, StorageWarning, TokenCache } from "./storage.js";
export { createTables, danceMigrations, DEFAULT_TABLE, detectDialect, dropSql, schemaSql } from "./schema.js";
export type { SchemaOptions, SqlDialect } from "./schema.js";
export { readTokens } from "./export.js";
export type { ReadTokensOptions, TokenRecord } from "./export.js";
export { StorageError } from "@dance/core";
export type { StorageErrorCode } from "@dance/core";
export { defaultIsAnonymous } from "@dance/core";
export type { Assignment, Resolver, StorageUser, UserOptions } from "@dance/core";
