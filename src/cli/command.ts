import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Clock } from '../core/clock/clock';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's flags and how it runs. main.ts loads a command's module only to run it (or print
 * its --help), so `pilotdesk --help` loads none of them and none of the core.
 */
export interface Command<O extends OptionSpec = OptionSpec> {
  name: string;
  usage: string;
  options: O;
  allowPositionals?: boolean;
  run(args: ParsedCommand<O>, io: CliIo, now: Clock): Promise<number>;
}

export interface ParsedCommand<O extends OptionSpec> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

/**
 * Which flag gave which field of an operation's input, so a field the contract refuses is
 * reported as the flag the user typed: `importOptions.kind` → `--kind "payroll"`.
 */
export type FlagsOf = Record<string, { flag: string; value?: string; example?: string; choices?: readonly string[] }>;

export function defineCommand<O extends OptionSpec>(command: Command<O>): Command<O> {
  return command;
}

/** Parses flags strictly: an unknown flag or a missing value is a usage error, not a guess. */
export function parseCommandArgs<O extends OptionSpec>(command: Command<O>, argv: string[]): ParsedCommand<O> {
  try {
    const parsed = parseArgs({
      args: argv,
      options: command.options,
      strict: true,
      allowPositionals: command.allowPositionals ?? false,
    });
    return parsed as unknown as ParsedCommand<O>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${command.name}: ${message}`);
  }
}

export function requireOption(value: string | undefined, flag: string, commandName: string): string {
  if (!value) throw new UsageError(`${commandName}: ${flag} is required (see pilotdesk ${commandName} --help)`);
  return value;
}
