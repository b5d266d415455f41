import { conformanceSuite } from "./suite.js";
import { startNext } from "./next.js";

conformanceSuite("Next.js (next build + next start)", startNext);
