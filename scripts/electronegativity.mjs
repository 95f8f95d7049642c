#!/usr/bin/env node
// `node scripts/electronegativity.mjs` (part of `npm test`, after the build)
//
// Runs Doyensec's Electronegativity over the BUILT app (out/: main, preload, renderer) — the tool
// cannot parse our TypeScript sources, the bundles are what ships anyway. Every finding above
// INFORMATIONAL fails, unless electronegativity.json justifies it (check + built file + a sentence
// why it does not apply). Runs offline: the one check that downloads Electron's release list is
// excluded there, with its reason, and covered by tests/unit/electron-checklist.test.ts.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'));
const input = join(root, config.input);
const electronVersion = require('electron/package.json').version;
const tool = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

for (const [check, reason] of Object.entries(config.excludedChecks ?? {}))
  if (typeof reason !== 'string' || reason.trim().length < 20)
    abort(`electronegativity.json: the exclusion of ${check} needs a sentence saying why.`);
for (const entry of config.justified ?? [])
  if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20)
    abort(`electronegativity.json: the justification of ${entry.check} in ${entry.file} needs a sentence.`);

if (!existsSync(join(input, 'main', 'index.js')) || !existsSync(join(input, 'preload', 'index.cjs')))
  abort(`No built app in ${input}: run \`npm run build\` first.`);

const scratch = mkdtempSync(join(tmpdir(), 'leitstand-electronegativity-'));
const report = join(scratch, 'findings.csv');
try {
  const run = spawnSync(
    process.execPath,
    [
      tool,
      '--input',
      input,
      '--relative',
      '--verbose',
      'false',
      // The installed version, so checks judge our defaults (the bundle does not name it).
      '--electron-version',
      electronVersion,
      '--exclude-checks',
      Object.keys(config.excludedChecks ?? {}).join(','),
      '--output',
      report,
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0 || !existsSync(report))
    fail(`Electronegativity did not finish (exit ${run.status}):\n${run.stderr}${run.stdout}`);

  /** @type {{ issue: string; severity: string; confidence: string; filename: string; location: string; sample: string; description: string }[]} */
  const findings = parse(readFileSync(report, 'utf8'), {
    columns: (header) => header.map((name) => name.trim()),
    skip_empty_lines: true,
  });
  const justification = (finding) =>
    (config.justified ?? []).find(
      (entry) => entry.check === finding.issue && entry.file === finding.filename,
    );

  const open = [];
  const used = new Set();
  for (const finding of findings) {
    if (finding.severity === 'INFORMATIONAL') continue;
    const entry = justification(finding);
    if (entry) used.add(entry);
    else open.push(finding);
  }
  for (const entry of config.justified ?? [])
    if (!used.has(entry))
      console.warn(
        `[electronegativity] stale justification: ${entry.check} in ${entry.file} no longer fires.`,
      );

  const summary = `${findings.length} finding(s), ${used.size} justified in electronegativity.json, Electron ${electronVersion}`;
  if (open.length > 0) {
    for (const finding of open)
      console.error(
        `[electronegativity] ${finding.severity}/${finding.confidence} ${finding.issue} in out/${finding.filename}:${finding.location}\n` +
          `  ${finding.description}\n  ${finding.sample}`,
      );
    fail(`${open.length} unjustified finding(s) above informational (${summary}).`);
  }
  console.log(`[electronegativity] ok: ${summary}.`);
} catch {
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Before the scan: nothing to clean up yet. */
function abort(message) {
  console.error(`[electronegativity] ${message}`);
  process.exit(1);
}

function fail(message) {
  console.error(`[electronegativity] ${message}`);
  // Exit only after the finally above removed the scratch folder.
  process.exitCode = 1;
  throw new Error(message);
}
