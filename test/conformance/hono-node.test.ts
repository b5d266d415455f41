import { conformanceSuite } from "./suite.js";
import { startHonoNode } from "./apps/node.js";

conformanceSuite("Hono on @hono/node-server", startHonoNode);
