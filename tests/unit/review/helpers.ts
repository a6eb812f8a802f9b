import ExcelJS from 'exceljs';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/main';
import { describePaddingFlag, type PaddingFlag } from '../../../src/shared/review/padding-signals';
import type { Review } from '../../../src/shared/review/review-schema';
import { callOk, fixedNow, type TestCore } from '../helpers/test-core';
import { figureWorkspace, insertFacts, type BatchSpec, type FigureWorkspace } from '../tiers/helpers';

/*
 * The review workspace: the tiers workspace of tests/unit/tiers/helpers.ts (five stores, seven
 * guides, W46 and W47 facts, figures verified there) plus the contact history below, which makes
 * one guide pad by loss rate and another by a spike. Every number the review tests expect is
 * worked out here by hand.
 *
 * Padding batch (wecom-contacts, lost 0 unless given):
 *   010001 (SH001) W47 day 11-19: new 22 lost 14 → with 11-16 (5/0) and 11-18 (3/1): new 30, lost 15,
 *          loss rate 15/30 = 0.5 exactly, 30 new exactly → highLossRate. No history → no spike.
 *   010003 (SH001) W47 whole week: new 40 lost 4 (loss rate 0.1).
 *          History, whole-week rows unless said:
 *            W39 09-21…27 16        W43 10-19…25 14
 *            W40 09-28…10-04 8      W44 10-26…11-01 days only: 10-26 3 + 10-28 3 = 6
 *            W41 10-05…11 10        W45 11-02…08 18
 *            W42 10-12…18 12 (+ a day row 10-13 of 50 that the whole-week row wins over)
 *            W46 11-09…15 20
 *          plus W38 09-14…20 of 100 (outside the 8 weeks) and a period 10-30…11-03 of 500
 *          crossing a week's end (left out).
 *          Sorted 6 8 10 12 14 16 18 20 → median 13, 3 × 13 = 39 < 40.
 *          Each mistake lifts the median over 40 / 3, so the spike goes: W38 counted → 14;
 *          W42's day row added → 15; the crossing period put in W44 → 15; W44's day rows lost → 14.
 *          Store SH001's W47 new contacts by guide: 010001 30, 010002 0, 010003 40 →
 *          P90 = 30 + (40 − 30) × 0.8 = 38 < 40 → newContactsSpike.
 *   020001 (SH002) alone in its store: P90 = its own 30, never above it; loss 6/30 = 0.2.
 *
 * Resulting W47 (W46) figures, fen:
 *   SH001 pilot B (B): net 340055 (200000), gross 350055, refunds 10000, online 40000, orders 7,
 *         new 30 + 0 + 40 = 70, lost 15 + 2 + 4 = 21, net new 49, loss 0.3; W46 new 20 lost 0 net 20.
 *   SH002 pilot A (C): net 280000 (100000), gross 300000, refunds 20000, online 100000, orders 6,
 *         new 30 lost 6 net 24, messages 300; W46 new 20 lost 5 net 15.
 *   SH003 wave1 C (A): net 75000 (200000), all online; no contacts (its row crosses the week's end).
 *   SH004 none — (B): no W47 facts; W46 net 450000.
 *   SH005 wave2 D (—): net 120000, online 30000; nothing in W46.
 *   Pilot (SH001 + SH002): net 620055 (300000), gross 650055, refunds 30000, online 140000,
 *         orders 13, new 100, lost 27, net new 73 (35), loss 0.27.
 *   All: net 815055 (950000), stores with sales 4 of 5.
 * Guides W47 (W46), net sales fen: 010001 140000 (200000), 010002 140000 (—), 010003 60055 (—),
 *   020001 280000 (100000), 030001 75000 (200000), 040001 — (450000), 050001 30000 (—).
 *   Ranks in SH001: 010001 and 010002 share 1, 010003 is 3.
 *   Net new W47 (W46): 010001 15 (—), 010002 −2 (—), 010003 36 (20), 020001 24 (15).
 * Movers:
 *   stores net sales: rises SH002 +180000, SH001 +140055; falls SH003 −125000.
 *   stores net new: rises SH001 +29, SH002 +9.
 *   guides net sales: rises 020001 +180000; falls 030001 −125000, 010001 −60000.
 *   guides net new: rises 010003 +16, 020001 +9.
 *   tier moves: SH002 C→A up, SH003 A→C down, SH004 B→— out, SH005 —→D in.
 * Gaps: SH004 without sales; partial sales SH001 4 days, SH002 2, SH003 2, SH005 1;
 *   without contacts SH003, SH004, SH005; guide 040001 without data.
 */

export const week = '2026-W47';

const whole = (guide: string, from: string, to: string, newContacts: number, lost = 0) => ({
  guide,
  from,
  to,
  newContacts,
  lost,
});
const day = (guide: string, date: string, newContacts: number, lost = 0) => ({
  guide,
  from: date,
  to: date,
  newContacts,
  lost,
});

export const paddingBatch: BatchSpec = {
  kind: 'wecom-contacts',
  fileName: '企微历史.xlsx',
  createdAt: '2026-11-23T03:00:00.000Z',
  contacts: [
    day('010001', '2026-11-19', 22, 14),
    whole('010003', '2026-11-16', '2026-11-22', 40, 4),
    whole('010003', '2026-09-14', '2026-09-20', 100),
    whole('010003', '2026-09-21', '2026-09-27', 16),
    whole('010003', '2026-09-28', '2026-10-04', 8),
    whole('010003', '2026-10-05', '2026-10-11', 10),
    whole('010003', '2026-10-12', '2026-10-18', 12),
    day('010003', '2026-10-13', 50),
    whole('010003', '2026-10-19', '2026-10-25', 14),
    day('010003', '2026-10-26', 3),
    day('010003', '2026-10-28', 3),
    { guide: '010003', from: '2026-10-30', to: '2026-11-03', newContacts: 500, lost: 0 },
    whole('010003', '2026-11-02', '2026-11-08', 18),
    whole('010003', '2026-11-09', '2026-11-15', 20),
  ],
};

/** The tiers workspace with the padding batch: see the figures above. */
export async function reviewWorkspace(): Promise<FigureWorkspace> {
  const workspace = await figureWorkspace();
  insertFacts(workspace.path, [paddingBatch]);
  return workspace;
}

export async function liveReview(core: TestCore, forWeek = week): Promise<Review> {
  return (await callOk(core, 'review.get', { week: forWeek })).live;
}

export function byKey<T, V>(rows: readonly T[], key: (row: T) => string, pick: (row: T) => V): Record<string, V> {
  return Object.fromEntries(rows.map((row) => [key(row), pick(row)]));
}

/** Runs the CLI with its output captured. */
export async function runCapture(argv: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    untilInterrupted: () => new Promise(() => {}),
    now: () => new Date(fixedNow.getTime()),
    locale: 'zh-CN',
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err };
}

/** Reads an exported workbook back with ExcelJS, as a test of what a spreadsheet program sees. */
export async function loadWorkbook(content: Buffer | string): Promise<ExcelJS.Workbook> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'base64') : content;
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its input as an ArrayBuffer: hand it a copy of exactly the file's bytes.
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

/** A sheet's rows as plain values (row 1 first), for reading tables by header. */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = (row.values as unknown[]).slice(1);
    rows[number - 1] = values;
  });
  return Array.from(rows, (row) => row ?? []);
}

/** The row whose first cell is `first`, or the row holding `text` in column `column` (1-based). */
export function findRow(sheet: ExcelJS.Worksheet, text: string, column = 1): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(column).value === text) found = row;
  });
  if (!found) throw new Error(`no row with ${JSON.stringify(text)} in column ${column} of ${sheet.name}`);
  return found;
}

/** The 1-based column of a header in row `headerRow`, the nth occurrence when headers repeat. */
export function columnOf(sheet: ExcelJS.Worksheet, header: string, occurrence = 1, headerRow = 1): number {
  const values = (sheet.getRow(headerRow).values as unknown[]).slice(1);
  let seen = 0;
  for (let index = 0; index < values.length; index += 1) {
    if (values[index] === header && (seen += 1) === occurrence) return index + 1;
  }
  throw new Error(`no header ${header} (#${occurrence}) in ${sheet.name}`);
}

/** Flags as the edges show them: the sentence in Chinese in place of the code's parameters. */
export function saidFlags(flags: readonly PaddingFlag[]) {
  return flags.map(({ params, ...flag }) => ({
    code: flag.code,
    message: describePaddingFlag('zh-CN', { code: flag.code, params }),
    numbers: flag.numbers,
  }));
}
