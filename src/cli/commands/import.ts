import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { isIsoWeek, isoWeekRange } from '../../shared/dates/iso-week';
import { importKinds, type ImportKind } from '../../shared/imports/import-kinds';
import { describeRowError, rowErrorColumn } from '../../shared/imports/import-messages';
import type { ImportOptionsInput, ImportReport, ImportRowError } from '../../shared/imports/import-schema';
import type { Locale } from '../../shared/preferences/preferences-schema';
import { translate } from '../../shared/i18n/translate';
import { channels, type Channel } from '../../shared/metrics/channels';
import type { CliCore } from '../cli-core';
import { UsageError, type CliIo } from '../cli-io';
import { defineCommand, requireOption, type FlagsOf } from '../command';

/** The largest file the reader takes (reader/limits.ts): a bigger one is refused before it is read into memory. */
const maxFileBytes = 100 * 1024 * 1024;

/** A row error as scripts read it: the reason written out in the CLI's language. */
type JsonRowError = Pick<ImportRowError, 'row' | 'column' | 'value' | 'code'> & { message: string };

type JsonReport = Pick<
  ImportReport,
  'file' | 'kind' | 'sheet' | 'headerRow' | 'period' | 'mapping' | 'rows' | 'unmatched'
> & {
  errors: JsonRowError[];
  importId?: string | null;
  missingRequired?: string[];
};

function toJson(report: ImportReport, locale: Locale): JsonReport {
  return {
    file: report.file,
    kind: report.kind,
    sheet: report.sheet,
    headerRow: report.headerRow,
    period: report.period,
    mapping: report.mapping,
    rows: report.rows,
    unmatched: report.unmatched,
    errors: report.errors.map((error) => ({
      row: error.row,
      column: rowErrorColumn(locale, error),
      value: error.value,
      code: error.code,
      message: describeRowError(locale, error),
    })),
    importId: report.importId,
    missingRequired: report.missingRequired,
  };
}

/** FROM..TO (also FROM~TO, FROM,TO) or an ISO week; the contract checks the dates themselves. */
function parsePeriod(text: string | undefined): { from: string; to: string } | undefined {
  if (text === undefined) return undefined;
  if (isIsoWeek(text)) return isoWeekRange(text);
  const [from, to, ...rest] = text.split(/[,~]|\.\./).map((part) => part.trim());
  if (from && to && rest.length === 0) return { from, to };
  throw new UsageError(
    `import: --period must be FROM..TO (2026-11-16..2026-11-22) or an ISO week (2026-W47), not "${text}"`,
  );
}

function summaryLine(locale: Locale, report: ImportReport, dryRun: boolean): string {
  const { rows, period } = report;
  return translate(locale, 'imports.cli.summary', {
    dryRun: dryRun ? translate(locale, 'imports.cli.dryRun') : '',
    file: report.file,
    title: translate(locale, `kind.${report.kind}`),
    sheet: report.sheet,
    headerRow: report.headerRow,
    period: period ? translate(locale, 'imports.cli.period', { from: period.from, to: period.to }) : '',
    read: rows.read,
    imported: rows.imported,
    updated: rows.updated,
    unchanged: rows.unchanged,
    rejected: rows.rejected,
  });
}

export const importCommand = defineCommand({
  name: 'import',
  usage:
    'pilotdesk import FILE… --workspace FILE [--kind roster|wecom-contacts|wecom-groups|sales|daily] [--sheet NAME] [--header-row N] ' +
    '[--period FROM..TO] [--channel pos|miniProgram|miniMall|app|live|otherOnline] [--dry-run] [--create-missing] [--json]',
  allowPositionals: true,
  options: {
    workspace: { type: 'string', short: 'w' },
    kind: { type: 'string' },
    sheet: { type: 'string' },
    'header-row': { type: 'string' },
    period: { type: 'string' },
    channel: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'create-missing': { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values, positionals }, io: CliIo, now) {
    const workspacePath = resolve(requireOption(values.workspace, '--workspace', 'import'));
    if (positionals.length === 0) throw new UsageError('import: name at least one file to import');
    const headerRow = values['header-row'];
    const options: ImportOptionsInput = {
      kind: values.kind as ImportKind | undefined,
      sheet: values.sheet,
      headerRow: headerRow === undefined ? undefined : /^\s*\d+\s*$/.test(headerRow) ? Number(headerRow) : NaN,
      period: parsePeriod(values.period),
      defaultChannel: values.channel as Channel | undefined,
      createMissing: Boolean(values['create-missing']),
    };
    const flags: FlagsOf = {
      'options.kind': { flag: '--kind', value: values.kind, choices: importKinds },
      'options.sheet': { flag: '--sheet', value: values.sheet },
      'options.headerRow': { flag: '--header-row', value: headerRow, example: '3' },
      'options.period': { flag: '--period', value: values.period, example: '2026-11-16..2026-11-22, 2026-W47' },
      'options.defaultChannel': { flag: '--channel', value: values.channel, choices: channels },
    };
    const { checkFlags, withCore } = await import('../cli-core');
    checkFlags('import', 'imports.commit', { uploadId: '-', options, source: 'cli' }, flags, io.locale);
    return withCore('import', io, now, async (cli) => {
      await cli.openWorkspace(workspacePath);
      let exitCode = 0;
      for (const file of positionals) {
        const result = await importOneFile(cli, resolve(file), options, Boolean(values['dry-run']));
        io.out(values.json ? JSON.stringify(result.json) : result.text);
        if (result.failed) exitCode = 2;
      }
      return exitCode;
    });
  },
});

interface FileOutcome {
  json: JsonReport | { file: string; error: string };
  text: string;
  failed: boolean;
}

/**
 * One file the way the import wizard takes it: uploaded and read in the reader's worker thread
 * (with its memory ceiling), then committed, or only previewed for --dry-run.
 */
async function importOneFile(
  cli: CliCore,
  path: string,
  options: ImportOptionsInput,
  dryRun: boolean,
): Promise<FileOutcome> {
  const file = basename(path);
  const refused = (message: string): FileOutcome => ({
    json: { file, error: message },
    text: `${file}：${message}（未写入任何数据）`,
    failed: true,
  });
  let bytes: Buffer;
  try {
    if (statSync(path).size > maxFileBytes) return refused(`文件超过 ${maxFileBytes / 1024 / 1024} MB 上限`);
    bytes = readFileSync(path);
  } catch {
    return refused(`无法读取文件：${path}`);
  }
  try {
    const upload = await cli.call('imports.upload', { fileName: file, contentBase64: bytes.toString('base64') });
    const input = { uploadId: upload.uploadId, options };
    let report: ImportReport;
    if (dryRun) report = await cli.call('imports.preview', input);
    else {
      try {
        report = await cli.call('imports.commit', { ...input, source: 'cli' });
      } catch (error) {
        // A file that cannot be imported (a required column or the period missing) is reported
        // in full, as the preview sees it, so a script can tell what to add.
        const preview = await cli.call('imports.preview', input).catch(() => null);
        if (!preview || preview.missingRequired.length === 0) throw error;
        report = preview;
      }
    }
    const firstError = report.errors[0];
    if (report.missingRequired.length > 0) {
      return {
        json: toJson(report, cli.locale),
        text: translate(cli.locale, 'imports.cli.notImported', {
          file,
          reason: firstError
            ? describeRowError(cli.locale, firstError)
            : translate(cli.locale, 'imports.cli.cannotImport'),
        }),
        failed: true,
      };
    }
    const errorLines = report.errors.slice(0, 20).map((error) => {
      const column = rowErrorColumn(cli.locale, error);
      return translate(cli.locale, 'imports.cli.errorLine', {
        row: error.row,
        column: column ? translate(cli.locale, 'imports.cli.errorColumn', { column }) : '',
        reason: describeRowError(cli.locale, error),
      });
    });
    if (report.errors.length > 20)
      errorLines.push(translate(cli.locale, 'imports.cli.moreErrors', { count: report.errors.length - 20 }));
    return {
      json: toJson(report, cli.locale),
      text: [summaryLine(cli.locale, report, dryRun), ...errorLines].join('\n'),
      failed: false,
    };
  } catch (error) {
    // The flags were checked before the workspace opened: what fails now is the file.
    return refused(error instanceof Error ? error.message : String(error));
  }
}
