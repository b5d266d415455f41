import { conformanceSuite } from "./suite.js";
import { startExpress } from "./apps/node.js";

conformanceSuite("Express 5 (nodeMiddleware)", startExpress);
