#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is present, browser mode when it is not.
// Usage: npm start [-- --browser] [other arguments, passed to the app or to `pilotdesk serve`]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const downloadTimeoutMs = 90_000;
const isWindows = process.platform === 'win32';

/** The Electron executable if it is installed; never triggers a download (unlike `require('electron')`). */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The installed binary's version (dist/version), else the npm package's. */
function electronVersion() {
  const versionFile = join(electronDir, 'dist', 'version');
  if (existsSync(versionFile)) return readFileSync(versionFile, 'utf8').trim().replace(/^v/, '');
  return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
}

/** One attempt to fetch the binary, quietly: its failure is explained by the caller in one line. */
function tryDownloadElectron() {
  console.error(`Electron's binary is missing; trying to download it once (up to ${downloadTimeoutMs / 1000} s)…`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: downloadTimeoutMs,
  });
  return result.status === 0;
}

/** Runs a command to completion with the terminal attached; true when it succeeded. */
function run(command, args, options = {}) {
  // npx is a .cmd script on Windows, which only a shell can start.
  const shell = isWindows && command === 'npx';
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell, ...options });
  return result.status === 0;
}

/**
 * Starts a long-running child and exits with its code. On POSIX the child gets its own process
 * group, so Ctrl+C reaches it exactly once (forwarded from here): a second SIGINT would cut
 * short its orderly shutdown. Windows delivers Ctrl+C to every console process itself.
 */
function runForeground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env, detached: !isWindows });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Browser mode is `pilotdesk serve`: the compiled CLI (bin/pilotdesk.mjs rebuilds it first if its sources changed). */
function startBrowserMode(args) {
  runForeground(process.execPath, [join(root, 'bin', 'pilotdesk.mjs'), 'serve', ...args]);
}

/** Path of the copy of the better-sqlite3 addon built for this Electron version. */
function electronSqlitePath(version) {
  return join(root, '.electron-native', version, 'better_sqlite3.node');
}

/**
 * Builds better-sqlite3 for Electron in a temporary copy, so node_modules keeps the Node build
 * that the CLI and the tests load. Tries a prebuilt addon first, then compiles.
 */
function buildElectronSqlite(version, target) {
  const workDir = mkdtempSync(join(tmpdir(), 'pilotdesk-sqlite-'));
  const moduleDir = join(workDir, 'better-sqlite3');
  try {
    const sourceDir = join(root, 'node_modules', 'better-sqlite3');
    const nodeBuildDir = join(sourceDir, 'build');
    cpSync(sourceDir, moduleDir, {
      recursive: true,
      filter: (source) => source !== nodeBuildDir && !source.startsWith(nodeBuildDir + sep),
    });
    const options = { cwd: moduleDir, env: electronBuildEnv() };
    const electronTarget = ['--runtime=electron', `--target=${version}`];
    const gyp = nodeGypScript();
    const built =
      run(process.execPath, [prebuildInstallScript(), ...electronTarget], options) ||
      (gyp !== null &&
        run(
          process.execPath,
          [gyp, 'rebuild', '--release', ...electronTarget, '--dist-url=https://electronjs.org/headers'],
          options,
        ));
    const addon = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !existsSync(addon) || loadsInNode(addon)) return false;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(addon, target);
    return true;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

// npm passes its own settings (a nodedir with Node's headers, a target) to child processes;
// they would make node-gyp and prebuild-install build for Node instead of Electron.
function electronBuildEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|arch|build_from_source)$/i.test(name)) delete env[name];
  }
  return env;
}

function prebuildInstallScript() {
  return join(root, 'node_modules', 'prebuild-install', 'bin.js');
}

/**
 * npm's bundled node-gyp, run directly. (Through npx it would inherit npm's `nodedir` setting and
 * quietly compile against Node's headers instead of Electron's.)
 */
function nodeGypScript() {
  const script = join('node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const npmDirs = [
    process.env.npm_execpath ? join(dirname(process.env.npm_execpath), '..') : '',
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm'),
    join(dirname(process.execPath), 'node_modules', 'npm'),
  ];
  return npmDirs.map((dir) => dir && join(dir, script)).find((path) => path && existsSync(path)) ?? null;
}

/** A build Node itself can load was made for Node's ABI, not Electron's: refuse it. */
function loadsInNode(addon) {
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', addon], {
    stdio: 'ignore',
  });
  return probe.status === 0;
}

function main() {
  const args = process.argv.slice(2);
  const forceBrowser = args.includes('--browser');
  const appArgs = args.filter((arg) => arg !== '--browser');
  if (forceBrowser) return startBrowserMode(appArgs);

  let binary = electronBinary();
  if (!binary && tryDownloadElectron()) binary = electronBinary();
  if (!binary) {
    console.error(
      "Electron's binary is not available on this machine (it could not be downloaded); opening PilotDesk in browser mode instead.",
    );
    return startBrowserMode(appArgs);
  }

  if (!run('npx', ['electron-vite', 'build'])) {
    console.error('The desktop build failed (see the errors above); fix them or run `npm start -- --browser`.');
    process.exit(1);
  }
  const version = electronVersion();
  const sqlite = electronSqlitePath(version);
  if (!existsSync(sqlite) && !buildElectronSqlite(version, sqlite)) {
    console.error(
      `Could not get better-sqlite3 built for Electron ${version}; opening PilotDesk in browser mode instead.`,
    );
    return startBrowserMode(appArgs);
  }
  const env = { ...process.env, PILOTDESK_SQLITE_BINDING: sqlite };
  // Set by some tools; it would make Electron behave as plain Node and never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  runForeground(binary, [root, ...appArgs], env);
}

main();
