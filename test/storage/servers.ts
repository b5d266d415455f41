/**
 * Real database servers for the storage tests and the storage benchmark, on 127.0.0.1 only:
 * the ones `.ci/run` started (`DANCE_TEST_POSTGRES_URL`, `DANCE_TEST_REDIS_URL`), or throwaway
 * ones started here from Debian's `postgresql` and `redis-server` packages. Neither available →
 * an error that says how to get one (never a silent skip).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, Socket, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running server and how to stop it (a no-op for servers someone else started). */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Wait until `port` on 127.0.0.1 accepts connections. */
async function waitForPort(port: number, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
      socket.connect(port, "127.0.0.1");
    });
    if (open) return;
    if (child && child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before listening on ${port}`);
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const POSTGRES_HELP =
  "These tests need PostgreSQL. Either set DANCE_TEST_POSTGRES_URL=postgres://user@127.0.0.1:5432/db (a database the tests may create tables in), " +
  "or install Debian's server so a throwaway one can be started: `apt-get install -y postgresql` (.ci/run does this).";
const REDIS_HELP =
  "These tests need Redis. Either set DANCE_TEST_REDIS_URL=redis://127.0.0.1:6379 (a database the tests may write dance:* keys to), " +
  "or install Debian's server so a throwaway one can be started: `apt-get install -y redis-server` (.ci/run does this).";

/** The newest `/usr/lib/postgresql/<version>/bin`, or the directory of `pg_ctl` on the PATH. */
function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  const found = which.stdout.trim();
  return found ? found.replace(/\/initdb$/, "") : undefined;
}

function run(command: string, args: string[], asUser: string | undefined): void {
  const [cmd, argv] = asUser ? ["runuser", ["-u", asUser, "--", command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/**
 * A throwaway PostgreSQL cluster in a temporary directory (as the `postgres` user when running
 * as root: PostgreSQL refuses root), trust authentication, 127.0.0.1 only, fsync off.
 */
export async function startPostgres(): Promise<RunningServer> {
  const bin = postgresBin();
  if (!bin) throw new Error(POSTGRES_HELP);
  const asUser = process.getuid?.() === 0 ? "postgres" : undefined;
  const dir = mkdtempSync(join(tmpdir(), "dance-pg-"));
  chmodSync(dir, 0o755);
  if (asUser) {
    const ids = spawnSync("id", ["-u", asUser], { encoding: "utf8" });
    const gids = spawnSync("id", ["-g", asUser], { encoding: "utf8" });
    if (ids.status !== 0) throw new Error(`${POSTGRES_HELP} (running as root, but there is no "postgres" user to run the server as)`);
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const data = join(dir, "data");
  run(join(bin, "initdb"), ["-D", data, "-U", "dance", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asUser);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"], asUser);
  await waitForPort(port, 30_000);
  return {
    url: `postgres://dance@127.0.0.1:${port}/postgres`,
    async close() {
      try {
        run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asUser);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A throwaway `redis-server` on 127.0.0.1, nothing persisted. */
export async function startRedis(): Promise<RunningServer> {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const binary = which.stdout.trim();
  if (!binary) throw new Error(REDIS_HELP);
  const port = await freePort();
  const child = spawn(binary, ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--protected-mode", "yes"], { stdio: "ignore" });
  await waitForPort(port, 15_000, child);
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The server CI started (its URL in `variable`), or a throwaway one. */
export async function serverFrom(variable: string, start: () => Promise<RunningServer>): Promise<RunningServer> {
  const url = process.env[variable];
  if (url) return { url, close: async () => {} };
  return start();
}

/** PostgreSQL for tests and benchmarks. */
export const postgres = () => serverFrom("DANCE_TEST_POSTGRES_URL", startPostgres);
/** Redis for tests and benchmarks. */
export const redis = () => serverFrom("DANCE_TEST_REDIS_URL", startRedis);

/**
 * A TCP proxy on 127.0.0.1 in front of a server: `cut()` makes the server "go away" (every
 * connection reset, new ones refused), `restore()` brings it back on the same port.
 */
export class TcpProxy {
  readonly #target: { host: string; port: number };
  readonly #sockets = new Set<Socket>();
  #server = createServer();
  port = 0;

  constructor(target: string) {
    const url = new URL(target);
    this.#target = { host: url.hostname, port: Number(url.port) };
  }

  /** Start listening; returns `target` with its port replaced by the proxy's. */
  async start(target: string): Promise<string> {
    await this.#listen(0);
    const url = new URL(target);
    url.port = String(this.port);
    return url.href.replace(/\/$/, target.endsWith("/") ? "/" : "");
  }

  async #listen(port: number): Promise<void> {
    this.#server = createServer((client) => {
      const upstream = new Socket();
      this.#sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.#sockets.delete(client);
        this.#sockets.delete(upstream);
      };
      client.on("error", drop).on("close", drop);
      upstream.on("error", drop).on("close", drop);
      upstream.connect(this.#target.port, this.#target.host, () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.#server.address() as AddressInfo).port;
  }

  /** The server goes away: connections reset, new ones refused. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const socket of this.#sockets) socket.resetAndDestroy();
    this.#sockets.clear();
    await closed;
  }

  /** The server is back, on the same port. */
  async restore(): Promise<void> {
    await this.#listen(this.port);
  }

  async close(): Promise<void> {
    await this.cut().catch(() => undefined);
  }
}
