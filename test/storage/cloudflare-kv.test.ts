/** The storage scenarios on Cloudflare KV (unstorage's cloudflare-kv-binding driver), inside workerd (Miniflare 3). */
import { afterAll, beforeAll } from "vitest";
import { cloudflareKvBackend, Workerd } from "./backends.js";
import { storageScenarios } from "./scenarios.js";

const workerd = new Workerd();
beforeAll(() => workerd.start());
afterAll(() => workerd.close());
storageScenarios(cloudflareKvBackend(workerd));
