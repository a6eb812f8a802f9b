import { PilotDeskError } from '../../../shared/api/result';

/** Why a file could not be read; carried in `details.reason` so callers can branch without parsing text. */
export type ReadRefusal =
  'empty' | 'tooLarge' | 'notASpreadsheet' | 'corrupt' | 'encrypted' | 'tooManyRows' | 'tooManyCells' | 'cancelled';

const supported = '请选择 Excel（.xlsx、.xls）、WPS/LibreOffice（.ods）或 .csv 文件';

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  return megabytes >= 10 ? megabytes.toFixed(0) : megabytes.toFixed(1);
}

/** The refusal as the one error type the dispatcher understands, with a sentence the user can act on. */
export function refusal(
  reason: ReadRefusal,
  message: string,
  extra: Record<string, string | number> = {},
): PilotDeskError {
  return new PilotDeskError('VALIDATION', message, undefined, { reason, ...extra });
}

export const refusals = {
  empty: (fileName: string) => refusal('empty', `文件「${fileName}」是空的，没有可导入的数据`),
  tooLarge: (fileName: string, bytes: number, maxBytes: number) =>
    refusal(
      'tooLarge',
      `文件「${fileName}」有 ${formatMegabytes(bytes)} MB，超过 ${formatMegabytes(maxBytes)} MB 的上限：请按周或按门店拆分后再导入`,
      { bytes, maxBytes },
    ),
  unpacksTooLarge: (fileName: string, budget: number) =>
    refusal(
      'tooLarge',
      `文件「${fileName}」解压后超过 ${formatMegabytes(budget)} MB，不像正常的报表导出：请在 Excel 中打开后另存一份，或拆分后再导入`,
      { unpackedLimit: budget },
    ),
  outOfMemory: (fileName: string) =>
    refusal('tooLarge', `文件「${fileName}」内容太多，读取时超出了内存上限：请拆分后再导入`),
  notASpreadsheet: (fileName: string, what?: string) =>
    refusal('notASpreadsheet', `文件「${fileName}」不是表格文件${what ? `（看起来是${what}）` : ''}：${supported}`),
  unsupported: (fileName: string, what: string, advice: string) =>
    refusal('notASpreadsheet', `文件「${fileName}」是${what}，无法直接导入：${advice}`),
  corrupt: (fileName: string) =>
    refusal('corrupt', `文件「${fileName}」已损坏或不完整，无法读取：请重新导出或重新下载后再试`),
  encrypted: (fileName: string) =>
    refusal('encrypted', `文件「${fileName}」设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码后另存，再导入`),
  tooManyRows: (sheetName: string, rows: number, maxRows: number) =>
    refusal(
      'tooManyRows',
      `工作表「${sheetName}」有 ${formatCount(rows)} 行以上的数据，超过 ${formatCount(maxRows)} 行的上限：请拆分后再导入`,
      { sheetName, rows, maxRows },
    ),
  tooManyCells: (fileName: string, cells: number, maxCells: number) =>
    refusal(
      'tooManyCells',
      `文件「${fileName}」有 ${formatCount(cells)} 个以上有内容的单元格，超过 ${formatCount(maxCells)} 个的上限：请拆分后再导入`,
      { cells, maxCells },
    ),
  cancelled: () => refusal('cancelled', '已取消'),
};
