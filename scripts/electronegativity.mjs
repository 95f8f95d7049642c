#!/usr/bin/env node
// `node scripts/electronegativity.mjs` (part of `npm test`, after the build)
//
// Runs Doyensec's Electronegativity over the BUILT app (out/: main, preload, renderer) — the tool
// cannot parse our TypeScript sources, the bundles are what ships anyway. Every finding above
// INFORMATIONAL fails, unless electronegativity.json justifies it (check + built file + a sentence
// why it does not apply). Runs offline: the one check that downloads Electron's release list is
// excluded there, with its reason, and covered by tests/unit/electron-checklist.test.ts.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A refusal fail() has already explained. */
class ScanFailure extends Error {}

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'));
const input = join(root, config.input);
const electronVersion = require('electron/package.json').version;

for (const [check, reason] of Object.entries(config.excludedChecks ?? {}))
  if (typeof reason !== 'string' || reason.trim().length < 20)
    abort(`electronegativity.json: the exclusion of ${check} needs a sentence saying why.`);
for (const entry of config.justified ?? [])
  if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20)
    abort(`electronegativity.json: the justification of ${entry.check} in ${entry.file} needs a sentence.`);

if (!existsSync(join(input, 'main', 'index.js')) || !existsSync(join(input, 'preload', 'index.cjs')))
  abort(`No built app in ${input}: run \`npm run build\` first.`);

// The tool's own runner, in this process: its CSV writer races its header against its rows (two
// asynchronous writes to one file), so a file report sometimes loses rows or comes out garbled.
const runElectronegativity = require('@doyensec/electronegativity/dist/runner.js');

try {
  const { issues } = await runElectronegativity({
    input,
    isSarif: false,
    customScan: [],
    excludeFromScan: Object.keys(config.excludedChecks ?? {}),
    isRelative: true,
    isVerbose: false,
    // The installed version, so checks judge our defaults (the bundle does not name it).
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  const findings = issues.map((issue) => ({
    issue: issue.id,
    severity: issue.severity?.name ?? 'UNKNOWN',
    confidence: issue.confidence?.name ?? 'UNKNOWN',
    filename: issue.file,
    location: `${issue.location?.line ?? 0}:${issue.location?.column ?? 0}`,
    sample: issue.sample ?? '',
    description: issue.description ?? '',
  }));
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
} catch (error) {
  // fail() has said why already; anything else is a broken scan: say what broke.
  if (!(error instanceof ScanFailure)) console.error('[electronegativity] the scan broke:', error);
  process.exitCode = 1;
}

/** Before the scan: nothing to clean up yet. */
function abort(message) {
  console.error(`[electronegativity] ${message}`);
  process.exit(1);
}

function fail(message) {
  console.error(`[electronegativity] ${message}`);
  process.exitCode = 1;
  throw new ScanFailure(message);
}
