/** The storage scenarios on PostgreSQL (pg), the server `.ci/run` started or a throwaway one. */
import { sql } from "kysely";
import { afterAll, describe, expect, inject, it } from "vitest";
import { postgresDatabase } from "@dance/sql/postgres";
import { Cleanup, postgresBackend } from "./backends.js";
import { storageScenarios } from "./scenarios.js";
import { TcpProxy } from "./servers.js";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());
storageScenarios(postgresBackend(cleanup, () => inject("postgresUrl")));

describe("PostgreSQL: the connection resets while a query runs", () => {
  it("the query fails (which the storage reports as storage_failed) and the process lives on: a checked-out client's error is not an uncaught exception; the pool recovers", async () => {
    const proxy = new TcpProxy(inject("postgresUrl"));
    const proxied = await proxy.start(inject("postgresUrl"));
    cleanup.add(() => proxy.close());
    const db = postgresDatabase(proxied, { max: 2, connectionTimeoutMillis: 2000 });
    cleanup.add(() => db.destroy());
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    for (let round = 0; round < 3; round++) {
      const slow = sql`select pg_sleep(5)`.execute(db);
      const failed = slow.then(
        () => undefined,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      await proxy.cut();
      expect(await failed).toBeInstanceOf(Error);
      await proxy.restore();
      // Vitest fails the run on an uncaught exception; give one a moment to surface here.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    }
  });
});
