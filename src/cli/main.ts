import { ClockValueError, systemClock, type Clock } from '../core/clock/clock';
import type { Locale } from '../shared/preferences/preferences-schema';
import { CommandFailure, processIo, UsageError, type CliIo } from './cli-io';
import { cliLocale, locales } from './cli-locale';
import { parseCommandArgs, type Command } from './command';

/** What `pilotdesk --help` lists; a command's module (and the core with it) is loaded only to run it. */
interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

const commands: CommandEntry[] = [
  {
    name: 'init',
    summary: 'Create an empty workspace file / 新建空工作区',
    load: async () => (await import('./commands/init')).initCommand as Command,
  },
  {
    name: 'demo',
    summary: 'Create the demo workspace (12 pilot stores, 8 weeks) / 生成示例工作区',
    load: async () => (await import('./commands/demo')).demoCommand as Command,
  },
  {
    name: 'import',
    summary: 'Import spreadsheets of guide data / 导入表格数据',
    load: async () => (await import('./commands/import')).importCommand as Command,
  },
  {
    name: 'tiers',
    summary: "Print each store's tier for a week / 输出门店分层",
    load: async () => (await import('./commands/tiers')).tiersCommand as Command,
  },
  {
    name: 'review',
    summary: 'Assemble (and export) the weekly review / 周复盘',
    load: async () => (await import('./commands/review')).reviewCommand as Command,
  },
  {
    name: 'backup',
    summary: 'Back a workspace up now, verified / 立即备份',
    load: async () => (await import('./commands/backups')).backupCommand as Command,
  },
  {
    name: 'backups',
    summary: "List a workspace's verified backups / 备份列表",
    load: async () => (await import('./commands/backups')).backupsCommand as Command,
  },
  {
    name: 'restore',
    summary: 'Restore a backup over a workspace (backs the current state up first) / 从备份恢复',
    load: async () => (await import('./commands/backups')).restoreCommand as Command,
  },
  {
    name: 'serve',
    summary: 'Open the console in browser mode on 127.0.0.1 / 浏览器模式',
    load: async () => (await import('./commands/serve')).serveCommand as Command,
  },
];

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

function commandHelp(summary: string, command: Command): string {
  const flags = Object.entries(command.options).map(
    ([name, spec]) => `  --${name}${spec.type === 'string' ? ' VALUE' : ''}${spec.short ? ` (-${spec.short})` : ''}`,
  );
  return [summary, '', `Usage: ${command.usage}`, '', 'Options:', ...flags].join('\n');
}

function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

/**
 * `--lang en` (or `--lang=en`) anywhere on the line chooses the language of messages, for every
 * command; without it the caller's, then the environment's (`cliLocale`).
 */
function takeLanguage(argv: string[], fallback: Locale | undefined): { argv: string[]; locale: Locale | string } {
  const rest: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--lang') {
      chosen = argv[i + 1] ?? '';
      i += 1;
    } else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return { argv: rest, locale: chosen ?? fallback ?? cliLocale() };
}

/** Runs one command line; returns the exit code (0 done, 1 usage error, 2 the work failed). */
export async function runCli(fullArgv: string[], baseIo: CliIo = processIo): Promise<number> {
  const language = takeLanguage(fullArgv, baseIo.locale);
  if (!isLocale(language.locale)) {
    baseIo.err(`pilotdesk: --lang must be one of ${locales.join(', ')}, not "${language.locale}"`);
    return 1;
  }
  const io: CliIo = { ...baseIo, locale: language.locale };
  const [name, ...rest] = language.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? 0 : 1;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
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
  const command = await entry.load();
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help) {
      io.out(commandHelp(entry.summary, command));
      return 0;
    }
    return await command.run(parsed, io, now);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`pilotdesk ${error.message}`);
      return 1;
    }
    // A CommandFailure is already written in the user's language (cli-core.ts renders the core's errors).
    const message =
      error instanceof CommandFailure
        ? error.message
        : (await import('../shared/i18n/translate')).describeError(language.locale, error);
    io.err(`pilotdesk ${command.name}: ${message.split('\n')[0]}`);
    return 2;
  }
}
