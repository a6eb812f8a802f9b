import { ClockValueError, systemClock, type Clock } from '../core/clock/clock';
import { processIo, UsageError, type CliIo } from './cli-io';
import { parseCommandArgs, type Command } from './command';
import { backupCommand, backupsCommand, restoreCommand } from './commands/backups';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { serveCommand } from './commands/serve';
import { tiersCommand } from './commands/tiers';
import { reviewCommand } from './commands/review';

const commands: Command[] = [
  initCommand,
  demoCommand,
  importCommand,
  tiersCommand,
  reviewCommand,
  backupCommand,
  backupsCommand,
  restoreCommand,
  serveCommand,
] as Command[];

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'pilotdesk — 试验田工作台 command line',
    '',
    'Usage: pilotdesk <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    "Run pilotdesk <command> --help for a command's options.",
  ].join('\n');
}

function commandHelp(command: Command): string {
  const flags = Object.entries(command.options).map(
    ([name, spec]) => `  --${name}${spec.type === 'string' ? ' VALUE' : ''}${spec.short ? ` (-${spec.short})` : ''}`,
  );
  return [command.summary, '', `Usage: ${command.usage}`, '', 'Options:', ...flags].join('\n');
}

/** Runs one command line; returns the exit code (0 done, 1 usage error, 2 the work failed). */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? 0 : 1;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`pilotdesk: unknown command "${name}" (run pilotdesk --help)`);
    return 1;
  }
  let now: Clock;
  try {
    now = io.now ?? systemClock();
  } catch (error) {
    if (!(error instanceof ClockValueError)) throw error;
    io.err(`pilotdesk: ${error.message}`);
    return 1;
  }
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run(parsed, io, now);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pilotdesk ${error.message}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`pilotdesk ${command.name}: ${message.split('\n')[0]}`);
    return 2;
  }
}
