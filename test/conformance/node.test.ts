import { conformanceSuite } from "./suite.js";
import { startNodeHttp } from "./apps/node.js";

conformanceSuite("Node http (toNodeHandler)", startNodeHttp);
