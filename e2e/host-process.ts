/**
 * The built headless host as a stranger meets it: started with any arguments, its output kept,
 * and plain HTTP requests whose every header (Host, Origin, Content-Length) the test chooses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { TOKEN } from './host';
import { HOST_NODE_FLAGS } from '../electron/host/node-flags';

export const SERVE = path.resolve('dist/electron/serve.cjs');

export interface HostProcess {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the host printed (stdout and stderr) so far. */
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-sec-'));
}

/** Resolves with the address once `child` prints "Listening on"; rejects with its output if it exits first. */
export function waitListening(child: ChildProcess, output: { text: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output.text}`)), 20_000);
    const look = () => {
      const match = /Listening on (\S+)/.exec(output.text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output.text}`)));
  });
}

export async function startHostProcess(extraArgs: string[] = []): Promise<HostProcess> {
  const dataDir = tempDir();
  const child = spawn(process.execPath, [...HOST_NODE_FLAGS, SERVE, '--port', '0', '--data-dir', dataDir, '--token', TOKEN, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { text: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await waitListening(child, output);
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    dataDir,
    child,
    output: () => output.text,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with exactly these headers; `body` may be a string or absent. */
export function request(url: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawReply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, method: options.method ?? 'POST', path: options.path, headers: options.headers ?? {}, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The resident memory of a process in MB (Linux /proc). */
export function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

export const authorized = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

export interface StreamedReply {
  status: number;
  /** Body bytes the client had written when the answer came (or the connection ended). */
  sent: number;
  body: string;
}

/**
 * Sends a body of `total` bytes (or chunked when `total` is null) in 64 KB pieces, stopping as soon
 * as the host answers; `holdAfter` stops writing after that many bytes and waits for the answer.
 */
export function streamBody(
  url: string,
  options: { path: string; headers?: Record<string, string>; total: number | null; chunkedLimit?: number; holdAfter?: number },
): { reply: Promise<StreamedReply>; abort: () => void } {
  const target = new URL(url);
  const headers = { ...options.headers, ...(options.total === null ? {} : { 'content-length': String(options.total) }) };
  const req = http.request({ host: target.hostname, port: target.port, method: 'POST', path: options.path, headers, agent: false });
  const piece = Buffer.alloc(64 * 1024, 0x61);
  const limit = options.total ?? options.chunkedLimit ?? 64 * 1024 * 1024;
  const hold = options.holdAfter ?? limit;
  let sent = 0;
  let answered = false;
  const reply = new Promise<StreamedReply>((resolve) => {
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, sent: sentWhenAnswered, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, sent: sentWhenAnswered, body }));
    });
    req.on('error', () => !answered && resolve({ status: 0, sent, body: '' }));
    req.on('close', () => !answered && resolve({ status: 0, sent, body: '' }));
  });
  const pump = () => {
    while (!answered && !req.destroyed && sent < Math.min(limit, hold)) {
      const size = Math.min(piece.length, Math.min(limit, hold) - sent);
      sent += size;
      if (!req.write(size === piece.length ? piece : piece.subarray(0, size))) return void req.once('drain', pump);
    }
    if (!answered && sent >= limit) req.end();
  };
  req.flushHeaders();
  pump();
  return { reply, abort: () => req.destroy() };
}
