import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HOST_NODE_FLAGS } from '../electron/host/node-flags';
import { T0 } from './time';

export const TOKEN = 'e2e-control-token';

export interface Host {
  url: string;
  /** The operator token it was started with (TOKEN, or the kept one it printed). */
  token: string;
  dataDir: string;
  /** Calls a contract method over HTTP with the control token; returns the envelope. */
  call<T = unknown>(method: string, input?: unknown): Promise<Reply<T>>;
  /** Moves the host's manual clock (only with testClock). */
  clock(change: { set?: number; advance?: number }): Promise<number>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** An envelope as the host answers it; `value` is present when `ok`. */
export interface Reply<T> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string; field?: string };
}

export interface HostOptions {
  dataDir?: string;
  demo?: boolean;
  testClock?: boolean;
  /** With testClock: the host's clock starts here instead of now (so a restart cannot see a date that passed). */
  testClockAt?: number;
  port?: number;
  /** Without --token: the host keeps its own operator token in the database, and the console may replace it. */
  keptToken?: boolean;
}

const SERVE = path.resolve('dist/electron/serve.cjs');

/** Starts the built headless host on a free port and a temp database; resolves once it listens. */
export async function startHost(options: HostOptions = {}): Promise<Host> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-e2e-'));
  const args = [...HOST_NODE_FLAGS, SERVE, '--port', String(options.port ?? 0), '--data-dir', dataDir, ...(options.keptToken ? [] : ['--token', TOKEN])];
  if (options.demo) args.push('--demo');
  // The host's clock starts where the pages' clocks do (T0, or where a restarted host left off), so nothing depends on today's date.
  if (options.testClock) args.push('--test-clock', '--test-clock-at', String(options.testClockAt ?? T0));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Listening on (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  const token = options.keptToken ? /\?token=(\S+)/.exec(out)![1]! : TOKEN;
  return hostHandle(child, url, dataDir, token);
}

function hostHandle(child: ChildProcess, url: string, dataDir: string, token: string): Host {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const post = async (route: string, body: unknown) => {
    const response = await fetch(`${url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body ?? {}),
    });
    return response.json() as Promise<Reply<never>>;
  };
  return {
    url,
    dataDir,
    token,
    call: <T>(method: string, input?: unknown) => post(`/api/${method}`, input) as Promise<Reply<T>>,
    clock: async (change) => ((await post('/test/clock', change)) as Reply<{ now: number }>).value.now,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
