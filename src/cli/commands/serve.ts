import { PilotDeskError } from '../../shared/api/result';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandFailure, UsageError } from '../cli-io';
import { defineCommand } from '../command';
import { ensureRendererBuilt, rendererDir } from '../project-root';

export const serveCommand = defineCommand({
  name: 'serve',
  usage: 'pilotdesk serve [--workspace FILE] [--data-dir DIR] [--port N]',
  options: {
    workspace: { type: 'string', short: 'w' },
    'data-dir': { type: 'string' },
    port: { type: 'string', short: 'p' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`serve: --port must be a whole number from 0 to 65535, not "${values.port}"`);
    }
    const workspacePath = values.workspace ? resolve(values.workspace) : undefined;
    if (workspacePath && !existsSync(workspacePath)) {
      throw new CommandFailure(
        `workspace not found: ${workspacePath} (create it with pilotdesk init or pilotdesk demo)`,
      );
    }
    // Loaded here, not at the top: `pilotdesk --help` must not load the core.
    const [{ createCore }, { defaultDataDir }, { startBrowserServer }, { openInitialWorkspace }] = await Promise.all([
      import('../../core/api/core-services'),
      import('../../core/app-data-dir'),
      import('../../core/server/browser-server'),
      import('../../core/workspace/initial-workspace'),
    ]);
    const core = createCore({
      now,
      dailyBackups: true,
      dataDir: values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir(),
      onInternalError: (operation, error) => io.err(`internal error in ${operation}: ${String(error)}`),
    });
    try {
      openInitialWorkspace(core, workspacePath, { strict: Boolean(workspacePath) });
    } catch (error) {
      core.close();
      throw error instanceof PilotDeskError
        ? error
        : new CommandFailure(error instanceof Error ? error.message : String(error));
    }
    ensureRendererBuilt(io.err);
    let server;
    try {
      server = await startBrowserServer({ core, staticDir: rendererDir, port });
    } catch (error) {
      core.close();
      throw new CommandFailure(
        `cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    io.out(`PilotDesk is running in browser mode: ${server.url}`);
    io.out("Open that address in a browser (it carries this launch's access token). Press Ctrl+C to stop.");
    await io.untilInterrupted();
    await server.close();
    core.close();
    return 0;
  },
});
