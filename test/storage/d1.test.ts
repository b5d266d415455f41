/** The storage scenarios on Cloudflare D1, inside workerd (Miniflare 3). */
import { afterAll, beforeAll } from "vitest";
import { d1Backend, Workerd } from "./backends.js";
import { storageScenarios } from "./scenarios.js";

const workerd = new Workerd();
beforeAll(() => workerd.start());
afterAll(() => workerd.close());
storageScenarios(d1Backend(workerd));
