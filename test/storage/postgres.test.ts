/** The storage scenarios on PostgreSQL (pg), the server `.ci/run` started or a throwaway one. */
import { afterAll, inject } from "vitest";
import { Cleanup, postgresBackend } from "./backends.js";
import { storageScenarios } from "./scenarios.js";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());
storageScenarios(postgresBackend(cleanup, () => inject("postgresUrl")));
