// Runs electronegativity over the built main, preload and renderer and fails on any finding that
// the allow-list does not explain. Electronegativity reads only .js files, so the .cjs bundles are
// copied into a scan folder as .js. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
const dist = path.join(root, 'dist');
const allowListFile = path.join(root, 'e2e', 'packaging', 'electronegativity-allow.json');

function fail(message) {
  console.error(`security review: ${message}`);
  process.exit(1);
}

for (const file of ['electron/main.cjs', 'electron/preload.cjs', 'renderer/index.html']) {
  if (!fs.existsSync(path.join(dist, file))) fail(`dist/${file} is missing: run \`npm run build\` first.`);
}

const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-electronegativity-'));
try {
  fs.copyFileSync(path.join(dist, 'electron', 'main.cjs'), path.join(scan, 'main.js'));
  fs.copyFileSync(path.join(dist, 'electron', 'preload.cjs'), path.join(scan, 'preload.js'));
  fs.cpSync(path.join(dist, 'renderer'), path.join(scan, 'renderer'), { recursive: true, filter: (source) => !source.endsWith('.map') });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(scan, 'package.json'));
  // A canary: the real main bundle plus one insecure window. If its finding is missing, the
  // scanner did not really read the bundles (a parse failure is silent), and the review fails.
  const canaryWindow = "\n{ const { BrowserWindow } = require('electron'); new BrowserWindow({ webPreferences: { nodeIntegration: true } }); }\n";
  fs.writeFileSync(path.join(scan, 'canary.js'), fs.readFileSync(path.join(scan, 'main.js'), 'utf8') + canaryWindow);

  const report = path.join(scan, 'report.sarif');
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const cli = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  const run = spawnSync(process.execPath, [cli, '-i', scan, '-o', report, '-r', '-v', 'false', '-e', electronVersion], { encoding: 'utf8' });
  if (!fs.existsSync(report)) fail(`electronegativity wrote no report.\n${run.stdout}\n${run.stderr}`);

  const findings = JSON.parse(fs.readFileSync(report, 'utf8')).runs.flatMap((r) =>
    r.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return { check: result.ruleId, file: (location?.artifactLocation?.uri ?? '').replace(/^file:\/\//, ''), line: location?.region?.startLine };
    }),
  );
  if (!findings.some((f) => f.check === 'NODE_INTEGRATION_JS_CHECK' && f.file.endsWith('canary.js'))) {
    fail('the canary window was not reported: electronegativity did not scan the bundles.');
  }

  const allowList = JSON.parse(fs.readFileSync(allowListFile, 'utf8'));
  for (const entry of allowList) {
    if (!entry.check || typeof entry.reason !== 'string' || entry.reason.length < 20) fail(`allow-list entry ${JSON.stringify(entry)} needs a check and a reason.`);
  }
  const allowed = (f) => allowList.some((entry) => entry.check === f.check && (entry.file === undefined || f.file.endsWith(entry.file)));
  const real = findings.filter((f) => !f.file.endsWith('canary.js'));
  const unexplained = real.filter((f) => !allowed(f));
  const stale = allowList.filter((entry) => !real.some((f) => f.check === entry.check && (entry.file === undefined || f.file.endsWith(entry.file))));
  if (unexplained.length > 0) {
    fail(`${unexplained.length} finding(s) not in ${path.relative(root, allowListFile)}; fix them or add each with a reason:\n` +
      unexplained.map((f) => `  ${f.check} ${f.file}:${f.line ?? '?'}`).join('\n'));
  }
  if (stale.length > 0) fail(`allow-list entries no longer found, remove them: ${stale.map((e) => e.check).join(', ')}`);
  console.log(`security review: electronegativity scanned main, preload and renderer; ${real.length} finding(s), all explained in the allow-list.`);
} finally {
  fs.rmSync(scan, { recursive: true, force: true });
}
