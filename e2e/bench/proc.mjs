// Child processes and temp dirs for the benchmarks, tracked so that nothing outlives the run:
// run.mjs calls cleanup() when the benches finish, throw, or the runner is interrupted, and a
// process 'exit' hook kills any child still alive even if the runner dies some other way.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const children = new Set();
const dirs = new Set();

/** The V8 flags the host runs with: electron/host/node-flags.ts says why (a unit test keeps the two lists equal). */
export const DEFAULT_HOST_NODE_FLAGS = ['--no-memory-reducer', '--single-threaded-gc'];
/** What the benches start the host with: BENCH_HOST_FLAGS (space-separated, '' for none) replaces them for an A/B run. */
export const HOST_NODE_FLAGS = process.env.BENCH_HOST_FLAGS === undefined ? DEFAULT_HOST_NODE_FLAGS : process.env.BENCH_HOST_FLAGS.split(' ').filter(Boolean);

/** spawn() with stdout/stderr piped and the child tracked until it exits. */
export function spawnTracked(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
}

/** Resolves (with the exit code or signal) once the child has exited; at once if it already has. */
export function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}

/** Sends `signal`, waits for exit; falls back to SIGKILL after `graceMs`. */
export async function stop(child, signal = 'SIGTERM', graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? child.signalCode;
  const done = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until the child prints "Listening on <url>" on stdout; resolves with the url. Rejects
 * if the child exits first or after `timeoutMs`, quoting what it printed.
 */
export function waitForListening(child, timeoutMs = 15_000) {
  return new Promise((resolve, reject) => {
    let out = '';
    const finish = (fn, value) => {
      clearTimeout(timer);
      child.stdout.off('data', onOut);
      child.stderr.off('data', onErr);
      child.off('exit', onExit);
      fn(value);
    };
    const onOut = (chunk) => {
      out += chunk;
      const match = /Listening on (\S+)/.exec(out);
      if (match) finish(resolve, match[1]);
    };
    const onErr = (chunk) => (out += chunk);
    const onExit = (code, signal) => finish(reject, new Error(`process exited (${code ?? signal}) before listening:\n${out}`));
    const timer = setTimeout(() => finish(reject, new Error(`process did not print "Listening on" within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', onOut);
    child.stderr.setEncoding('utf8').on('data', onErr);
    child.once('exit', onExit);
  });
}

/** A fresh temp dir, removed by cleanup() unless removed earlier with removeTempDir(). */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

export function removeTempDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** Kills every tracked child (SIGKILL) and removes every tracked temp dir. Synchronous. */
export function cleanup() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

process.once('exit', cleanup);

/**
 * One HTTP request on a fresh connection (no keep-alive pool, so every measurement pays the same
 * connect). Resolves {status, headers, body}; rejects on network errors such as ECONNREFUSED.
 */
export function request(url, { method = 'GET', headers = {}, body, timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /api/<method> with the control token; the value, or a thrown error with the host's reason. */
export async function callApi(url, token, method, input) {
  const response = await request(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input ?? {}),
  });
  const envelope = JSON.parse(response.body);
  if (!envelope.ok) throw new Error(`${method}: ${response.status} ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}
