/**
 * Vitest global setup of the storage suites: one PostgreSQL and one Redis for every test file
 * (the ones `.ci/run` started, or throwaway ones), handed to the tests with `inject()`.
 */
import type { TestProject } from "vitest/node";
import { postgres, redis } from "./servers.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [pg, rd] = await Promise.all([postgres(), redis()]);
  project.provide("postgresUrl", pg.url);
  project.provide("redisUrl", rd.url);
  return async () => {
    await Promise.all([pg.close(), rd.close()]);
  };
}
