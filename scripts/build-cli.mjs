#!/usr/bin/env node
// Compiles the CLI (and the two worker threads it starts) into out/cli with esbuild, so
// `pilotdesk` starts as plain JavaScript instead of compiling TypeScript on every launch.
// Run by `npm run build`, `npm run build:cli`, the `prepare` step of `npm install`, and by
// bin/pilotdesk.mjs itself when the sources changed after the last build.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const cliOutDir = join(root, 'out', 'cli');
/** What the last build read, so bin/pilotdesk.mjs can tell when it no longer matches the sources. */
export const manifestPath = join(cliOutDir, 'build-manifest.json');

// parse-in-worker.ts and verify-in-worker.ts look for their workers beside the compiled code,
// at these names (the same layout as the desktop build in electron.vite.config.ts).
const entryPoints = {
  main: 'src/cli/main.ts',
  'reader/worker-main': 'src/core/imports/reader/worker-main.ts',
  'backups/verify-main': 'src/core/backups/verify/verify-main.ts',
};

/** Files outside the bundle's inputs whose change also means a rebuild. */
const alsoWatched = ['package-lock.json', 'scripts/build-cli.mjs'];

/**
 * Builds out/cli. Every file is written under a temporary name and renamed into place, so two
 * processes rebuilding at once never leave a half-written file; the manifest is written last.
 */
export async function buildCli({ log = (text) => process.stderr.write(`${text}\n`) } = {}) {
  const started = performance.now();
  // A source saved while esbuild reads must count as newer than this build.
  const builtAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir: cliOutDir,
    bundle: true,
    // Chunks for the dynamic imports: `pilotdesk --help` loads the command table, not the core.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // The native addon is loaded from node_modules, built for this machine's Node.
    external: ['better-sqlite3'],
    // Bundled CommonJS packages (ExcelJS, SheetJS) call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __pilotdeskRequire } from 'node:module'; const require = __pilotdeskRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(cliOutDir, { recursive: true });
  const written = new Set();
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
    written.add(file.path);
  }
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/')),
    ...alsoWatched,
  ];
  const manifest = {
    builtAt,
    outputs: [...written].map((path) => relative(cliOutDir, path)),
    inputs,
  };
  const temporary = `${manifestPath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(temporary, manifestPath);
  removeOldChunks(manifest.outputs);
  log(`Built the CLI into ${relative(root, cliOutDir)}/ in ${Math.round(performance.now() - started)} ms`);
  return manifest;
}

/** Chunks of earlier builds (named by a content hash) are never loaded again, nor are leftovers of a failed write. */
function removeOldChunks(current) {
  const keep = new Set([...current, 'build-manifest.json']);
  for (const name of safeList(cliOutDir)) {
    const path = join(cliOutDir, name);
    if (keep.has(name) || !statSync(path).isFile()) continue;
    // A file written in the last minute may belong to a build running at the same time.
    if (Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
  }
}

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await buildCli({ log: (text) => console.log(text) });
  } catch (error) {
    console.error(`Could not build the CLI: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
