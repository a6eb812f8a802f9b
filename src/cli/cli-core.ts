import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { contract, type OperationInput, type OperationName, type OperationOutput } from '../shared/api/contract';
import type { ApiError, ApiResult, FieldError } from '../shared/api/result';
import {
  describeError,
  describeFieldError,
  fieldErrorsKey,
  fieldLabel,
  fieldOwnerOf,
  translate,
} from '../shared/i18n/translate';
import type { Locale } from '../shared/preferences/preferences-schema';
import { toFieldErrors } from '../shared/validation/field-errors';
import type { WorkspaceInfo } from '../shared/workspace/workspace-schema';
import { createCore } from '../core/api/core-services';
import type { Clock } from '../core/clock/clock';
import { CommandFailure, UsageError, type CliIo } from './cli-io';
import { cliLocale } from './cli-locale';
import type { FlagsOf } from './command';

/** An operation answered with an error: exit code 2, with the error kept for commands that look closer. */
export class OperationFailure extends CommandFailure {
  constructor(
    message: string,
    readonly error: ApiError,
  ) {
    super(message);
  }

  get reason(): string | undefined {
    return (this.error.details as { reason?: string } | undefined)?.reason;
  }
}

/** What a command has to work with: the dispatcher, and its answers in the user's language. */
export interface CliCore {
  locale: Locale;
  /**
   * Calls one operation through the dispatcher and returns its data. A field the contract
   * refuses is a usage error naming the flag it came from (exit 1); any other error is an
   * OperationFailure (exit 2).
   */
  call<N extends OperationName>(operation: N, input: OperationInput<N>, flags?: FlagsOf): Promise<OperationOutput<N>>;
  /** `workspace.open`, failing in one line that says what to do (restore, create). */
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  /** `workspace.open` as data: the restore command handles a damaged workspace itself. */
  tryOpenWorkspace(path: string): Promise<ApiResult<WorkspaceInfo>>;
  /** Why a workspace did not open, as openWorkspace says it. */
  openFailure(path: string, error: ApiError): Promise<OperationFailure>;
  /** An error from the core as one line in the user's language. */
  describe(error: ApiError): string;
}

/** One line: a message from SQLite can span several. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

function matchingFlag(field: string, flags: FlagsOf): FlagsOf[string] | undefined {
  const match = Object.keys(flags)
    .filter((name) => field === name || field.startsWith(`${name}.`))
    .sort((a, b) => b.length - a.length)[0];
  return match === undefined ? undefined : flags[match];
}

/** `--week "2026-W54": Not a valid week (format 2026-W47)`, or null when a field came from no flag. */
function describeFlagErrors(
  locale: Locale,
  operation: OperationName,
  fields: FieldError[],
  flags: FlagsOf,
): string | null {
  const lines: string[] = [];
  for (const error of fields) {
    const source = matchingFlag(error.field, flags);
    if (!source) return null;
    const name = error.field.split('.').pop() ?? error.field;
    const label = fieldLabel(locale, name, fieldOwnerOf(operation));
    const value = source.value === undefined ? '' : ` "${source.value}"`;
    const labelled = label === name ? '' : locale === 'zh-CN' ? `（${label}）` : ` (${label})`;
    const shape = source.choices
      ? translate(locale, 'validation.choices', { choices: source.choices.join(', ') })
      : source.example
        ? translate(locale, 'validation.example', { example: source.example })
        : '';
    const hint = shape && (locale === 'zh-CN' ? `（${shape}）` : ` (${shape})`);
    const separator = locale === 'zh-CN' ? '：' : ': ';
    lines.push(`${source.flag}${value}${labelled}${separator}${describeFieldError(locale, error)}${hint}`);
  }
  return lines.join(locale === 'zh-CN' ? '；' : '; ');
}

/**
 * Checks an input against the contract before anything is opened or written, so a bad flag
 * is refused before the command touches a file. The dispatcher checks it again on the call.
 */
export function checkFlags<N extends OperationName>(
  command: string,
  operation: N,
  input: OperationInput<N>,
  flags: FlagsOf,
  locale: Locale = cliLocale(),
): void {
  const parsed = (contract[operation].input as z.ZodType).safeParse(input);
  if (parsed.success) return;
  const fields = toFieldErrors(parsed.error);
  const described = describeFlagErrors(locale, operation, fields, flags);
  const owner = fieldOwnerOf(operation);
  const whole: ApiError = { code: 'VALIDATION', key: fieldErrorsKey, params: owner ? { owner } : {}, fields };
  throw new UsageError(`${command}: ${described ?? describeError(locale, whole)}`);
}

/**
 * Runs one command's work against a core of its own, closed (and its workspace with it) when
 * the work ends. A one-shot command has no app data folder: the core's is a temporary one,
 * removed afterwards, so the CLI never changes the desktop app's recent workspaces.
 */
export async function withCore<T>(
  command: string,
  io: CliIo,
  now: Clock,
  work: (cli: CliCore) => Promise<T>,
): Promise<T> {
  const locale = io.locale ?? cliLocale();
  const dataDir = mkdtempSync(join(tmpdir(), 'pilotdesk-cli-'));
  const core = createCore({ dataDir, now });
  const describe = (error: ApiError) => oneLine(describeError(locale, error));

  async function call<N extends OperationName>(
    operation: N,
    input: OperationInput<N>,
    flags: FlagsOf = {},
  ): Promise<OperationOutput<N>> {
    const result = await core.dispatcher.call(operation, input);
    if (result.ok) return result.data as OperationOutput<N>;
    const { error } = result;
    if (error.code === 'VALIDATION' && error.fields?.length) {
      const described = describeFlagErrors(locale, operation, error.fields, flags);
      if (described) throw new UsageError(`${command}: ${described}`);
    }
    throw new OperationFailure(describe(error), error);
  }

  const tryOpenWorkspace = (path: string) =>
    core.dispatcher.call('workspace.open', { path }) as Promise<ApiResult<WorkspaceInfo>>;

  async function openFailure(path: string, error: ApiError): Promise<OperationFailure> {
    const failure = new OperationFailure(describe(error), error);
    if (failure.reason === 'missing')
      return new OperationFailure(`workspace not found / 找不到工作区文件: ${path}`, error);
    if (failure.reason !== 'damaged') return failure;
    // Refused in one line that also says where the newest verified backup is.
    const { folder, backups } = await call('backups.list', { path });
    const newest = backups[0];
    return new OperationFailure(
      `${failure.message}；${newest ? `最新的已验证备份 / newest verified backup: ${join(folder, newest.id)}（${newest.createdAt}），用 pilotdesk restore --from 恢复` : '没有已验证的备份 / no verified backup'}`,
      error,
    );
  }

  async function openWorkspace(path: string): Promise<WorkspaceInfo> {
    const opened = await tryOpenWorkspace(path);
    if (opened.ok) return opened.data;
    throw await openFailure(path, opened.error);
  }

  try {
    return await work({ locale, call, openWorkspace, tryOpenWorkspace, openFailure, describe });
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
