/** The storage scenarios on Redis (unstorage's redis driver, ioredis), the server `.ci/run` started or a throwaway one. */
import { afterAll, inject } from "vitest";
import { Cleanup, redisBackend } from "./backends.js";
import { storageScenarios } from "./scenarios.js";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());
storageScenarios(redisBackend(cleanup, () => inject("redisUrl")));
