/** The Hono conformance app as a Worker: `c.env` is the Worker's env bindings. */
import { honoApp } from "./hono-app.js";
import { logged } from "./logged.js";

export default logged(honoApp());
