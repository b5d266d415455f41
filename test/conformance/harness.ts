/**
 * Start an app in another runtime (Deno, Bun, `next start`) as a child process on 127.0.0.1:
 * wait until it prints its URL, give the URL back, and stop it by its pid.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { RunningApp } from "./suite.js";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Options of {@link spawnApp}. */
export interface SpawnOptions {
  /** Environment variables on top of a minimal one (PATH, HOME). */
  env: Record<string, string>;
  /** Where the process runs. Default the repository root. */
  cwd?: string;
  /** Matches the line that says the app listens; group 1 is its URL. */
  ready: RegExp;
  /** Give up after this long. Default 60 s. */
  timeoutMs?: number;
  /**
   * Run it in its own process group and stop the whole group (by its id): for commands that
   * start others, such as `npm start`. Default false.
   */
  group?: boolean;
}

/** Spawn `command args…`; resolves once `ready` matches its output. */
export function spawnApp(command: string, args: readonly string[], options: SpawnOptions): Promise<RunningApp> {
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...options.env },
    // (npm needs little more: its cache and config come from HOME.)
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.group === true,
  });
  const kill = (signal: NodeJS.Signals) => (options.group ? process.kill(-child.pid!, signal) : child.kill(signal));
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise<RunningApp>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill("SIGKILL");
      reject(new Error(`${command} did not say it was listening within ${options.timeoutMs ?? 60_000} ms:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = options.ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) kill("SIGTERM");
          await exited;
        },
      });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** Run `command args…` to its end; rejects with its output when it fails. */
export function runToEnd(command: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<string> {
  const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed (${code ?? signal}):\n${output}`))));
  });
}
