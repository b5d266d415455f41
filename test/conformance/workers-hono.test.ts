import { startWorker, WORKERD } from "./workerd.js";
import { conformanceSuite } from "./suite.js";

conformanceSuite("Cloudflare Workers (workerd, Hono)", (env) => startWorker("test/conformance/apps/worker-hono.ts", { ...env }), WORKERD);
