import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_NODE_FLAGS, missingHostNodeFlags } from './node-flags';
// @ts-expect-error: a plain ES module of the benches, without types
import { DEFAULT_HOST_NODE_FLAGS as BENCH_HOST_FLAGS } from '../../e2e/bench/proc.mjs';

const ROOT = path.resolve(__dirname, '..', '..');

describe("the host's V8 flags", () => {
  it('are flags this Node accepts (one that V8 dropped would stop the host from starting)', () => {
    const run = spawnSync(process.execPath, [...HOST_NODE_FLAGS, '-e', 'process.stdout.write("started")'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('started');
  });

  it('are the ones `npm run serve` and the benches start the host with', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.serve).toContain(`node ${HOST_NODE_FLAGS.join(' ')} dist/electron/serve.cjs`);
    expect(BENCH_HOST_FLAGS).toEqual(HOST_NODE_FLAGS);
  });

  it('tells which of them a process was started without', () => {
    expect(missingHostNodeFlags([])).toEqual([...HOST_NODE_FLAGS]);
    expect(missingHostNodeFlags(['--enable-source-maps', ...HOST_NODE_FLAGS])).toEqual([]);
  });
});
