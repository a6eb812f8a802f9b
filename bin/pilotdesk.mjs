#!/usr/bin/env node
// Runs the compiled CLI (out/cli, built by `npm run build`, `npm run build:cli` and `npm install`).
// A CLI older than its sources would run old code without saying so: when any source it was
// built from changed since (or it was never built), it is rebuilt first, in about a second.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'out', 'cli');

/** Why the compiled CLI cannot be run as it is, or null when it matches its sources. */
function staleness() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, 'build-manifest.json'), 'utf8'));
  } catch {
    return 'the CLI has not been built yet';
  }
  for (const input of manifest.inputs) {
    let modified;
    try {
      modified = statSync(join(root, input)).mtimeMs;
    } catch {
      // Gone (whatever imported it changed too), or only the compiled files were shipped.
      continue;
    }
    if (modified > manifest.builtAt) return `${input} changed after the CLI was built`;
  }
  return null;
}

const reason = process.env.PILOTDESK_CLI_NO_REBUILD === '1' ? null : staleness();
if (reason) {
  process.stderr.write(`pilotdesk: ${reason}; building it (npm run build:cli)…\n`);
  let builder;
  try {
    builder = await import(pathToFileURL(join(root, 'scripts', 'build-cli.mjs')).href);
    await builder.buildCli({ log: (text) => process.stderr.write(`pilotdesk: ${text}\n`) });
  } catch (error) {
    process.stderr.write(
      `pilotdesk: could not build the CLI (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run npm install, then npm run build:cli\n`,
    );
    process.exit(1);
  }
}

const { runCli } = await import(pathToFileURL(join(outDir, 'main.js')).href);
process.exitCode = await runCli(process.argv.slice(2));
