import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { PilotDeskError } from '../../shared/api/result';
import { isValidLocalDate, todayIn } from '../../shared/dates/local-date';
import { isIsoWeek, isoWeekRange } from '../../shared/dates/iso-week';
import { importKinds, importTemplates, type ImportKind } from '../../shared/imports/import-kinds';
import type { ImportReport } from '../../shared/imports/import-schema';
import { channels, type Channel } from '../../shared/metrics/channels';
import { commitImport } from '../../core/imports/commit-import';
import { fileHashOf, planImport } from '../../core/imports/plan-import';
import { defaultReadLimits, readWorkbook } from '../../core/imports/read-workbook';
import { WorkspaceSession } from '../../core/workspace/workspace-session';
import { UsageError, type CliIo } from '../cli-io';
import { defineCommand, requireOption } from '../command';
import { openWorkspaceForCli } from '../open-workspace';

type JsonReport = Pick<
  ImportReport,
  'file' | 'kind' | 'sheet' | 'headerRow' | 'period' | 'mapping' | 'rows' | 'unmatched' | 'errors'
> & {
  importId?: string | null;
  missingRequired?: string[];
  error?: string;
};

function toJson(report: ImportReport): JsonReport {
  return {
    file: report.file,
    kind: report.kind,
    sheet: report.sheet,
    headerRow: report.headerRow,
    period: report.period,
    mapping: report.mapping,
    rows: report.rows,
    unmatched: report.unmatched,
    errors: report.errors,
    importId: report.importId,
    missingRequired: report.missingRequired,
  };
}

function parsePeriod(text: string | undefined) {
  if (!text) return undefined;
  const [from, to] = text.split(/[,~]|\.\./).map((part) => part.trim());
  if (from && to && isValidLocalDate(from) && isValidLocalDate(to) && from <= to) return { from, to };
  if (isIsoWeek(text)) return isoWeekRange(text);
  throw new UsageError(
    `import: --period must be FROM..TO (2026-11-16..2026-11-22) or an ISO week (2026-W47), not "${text}"`,
  );
}

function summaryLine(report: ImportReport, dryRun: boolean): string {
  const { rows } = report;
  const title = importTemplates[report.kind].title['zh-CN'];
  return (
    `${dryRun ? '[试运行，未写入] ' : ''}${report.file}：${title}，工作表「${report.sheet}」，表头第 ${report.headerRow} 行` +
    `${report.period ? `，统计时间 ${report.period.from} 至 ${report.period.to}` : ''}。` +
    `读取 ${rows.read} 行：新增 ${rows.imported}，更新 ${rows.updated}，未变 ${rows.unchanged}，未导入 ${rows.rejected}`
  );
}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import spreadsheets of guide data / 导入表格数据',
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
    if (values.kind && !(importKinds as readonly string[]).includes(values.kind)) {
      throw new UsageError(`import: --kind must be one of ${importKinds.join(', ')}, not "${values.kind}"`);
    }
    if (values.channel && !(channels as readonly string[]).includes(values.channel)) {
      throw new UsageError(`import: --channel must be one of ${channels.join(', ')}, not "${values.channel}"`);
    }
    const period = parsePeriod(values.period);
    const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
    if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
      throw new UsageError(`import: --header-row must be a row number such as 3, not "${values['header-row']}"`);
    }
    const { session, info } = openWorkspaceForCli(workspacePath, now);
    let exitCode = 0;
    try {
      for (const file of positionals) {
        const result = importOneFile(session, info, resolve(file), now(), {
          kind: values.kind as ImportKind | undefined,
          sheet: values.sheet,
          headerRow,
          period,
          defaultChannel: values.channel as Channel | undefined,
          createMissing: Boolean(values['create-missing']),
          dryRun: Boolean(values['dry-run']),
        });
        if (values.json) io.out(JSON.stringify(result.json));
        else io.out(result.text);
        if (result.failed) exitCode = 2;
      }
    } finally {
      session.close();
    }
    return exitCode;
  },
});

function importOneFile(
  session: WorkspaceSession,
  info: { timeZone: string; region: string },
  path: string,
  now: Date,
  options: {
    kind?: ImportKind;
    sheet?: string;
    headerRow?: number;
    period?: { from: string; to: string };
    defaultChannel?: Channel;
    createMissing: boolean;
    dryRun: boolean;
  },
): { json: JsonReport | { file: string; error: string }; text: string; failed: boolean } {
  const file = basename(path);
  try {
    let bytes: Buffer;
    try {
      if (statSync(path).size > defaultReadLimits.maxBytes) {
        throw new PilotDeskError('VALIDATION', `文件超过 ${defaultReadLimits.maxBytes / 1024 / 1024} MB 上限`);
      }
      bytes = readFileSync(path);
    } catch (error) {
      if (error instanceof PilotDeskError) throw error;
      throw new PilotDeskError('VALIDATION', `无法读取文件：${path}`);
    }
    const contents = readWorkbook(bytes, file);
    const db = session.requireDb();
    const plan = planImport(
      db,
      contents,
      fileHashOf(bytes),
      { ...options, createMissing: options.createMissing },
      {
        today: todayIn(info.timeZone, now),
        workspaceRegion: info.region,
        now,
      },
    );
    if (!plan.importable) {
      return {
        json: toJson(plan.report),
        text: `${file}：${plan.report.errors[0]?.message ?? '无法导入'}（未写入任何数据）`,
        failed: true,
      };
    }
    const report = options.dryRun ? plan.report : commitImport(db, plan, 'cli', now);
    const errorLines = report.errors
      .slice(0, 20)
      .map((error) => `  第 ${error.row} 行${error.column ? `「${error.column}」` : ''}：${error.message}`);
    if (report.errors.length > 20) errorLines.push(`  …另有 ${report.errors.length - 20} 条`);
    return {
      json: toJson(report),
      text: [summaryLine(report, options.dryRun), ...errorLines].join('\n'),
      failed: false,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { json: { file, error: message }, text: `${file}：${message}（未写入任何数据）`, failed: true };
  }
}
