/** The storage scenarios on a SQLite file (better-sqlite3). */
import { afterAll } from "vitest";
import { Cleanup, sqliteBackend } from "./backends.js";
import { storageScenarios } from "./scenarios.js";

const cleanup = new Cleanup();
afterAll(() => cleanup.run());
storageScenarios(sqliteBackend(cleanup));
