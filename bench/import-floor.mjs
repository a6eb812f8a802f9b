// The import benchmark's floor, a whole process with nothing of PilotDesk in it: SheetJS parses
// the file, and one transaction inserts its rows into a bare table without indexes, on the same
// SQLite settings as a workspace (WAL, synchronous = FULL). Usage: node import-floor.mjs FILE DB
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const XLSX = require('xlsx');
const BetterSqlite3 = require('better-sqlite3');

const [file, databasePath] = process.argv.slice(2);
// The options PilotDesk's reader parses with (read-workbook.ts): the same SheetJS work, no less.
const workbook = XLSX.read(readFileSync(file), {
  type: 'buffer',
  dense: true,
  cellDates: false,
  cellNF: true,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
});
const sheet = workbook.Sheets[workbook.SheetNames[0]];
// The cells as SheetJS stores them (dense rows), read as directly as PilotDesk's reader does.
const rows = (sheet['!data'] ?? []).map((cells) => (cells ?? []).map((cell) => cell?.v));

const db = new BetterSqlite3(databasePath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE bare_sales (id TEXT, import_id TEXT, store TEXT, guide TEXT, date TEXT, channel TEXT,
  orders INTEGER, gross_sales_fen INTEGER, refunds_fen INTEGER, new_members INTEGER, created_at TEXT, updated_at TEXT)`);
const insert = db.prepare('INSERT INTO bare_sales VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const at = new Date().toISOString();
let inserted = 0;
db.transaction(() => {
  // The generated file: a title row, the header, then date, store code and name, staff number,
  // guide name, channel, orders, gross sales, refunds, new members.
  for (let index = 2; index < rows.length; index += 1) {
    const row = rows[index];
    if (!row || typeof row[0] !== 'number') continue;
    insert.run(
      `${index}`.padStart(26, '0'),
      'floor',
      String(row[1]),
      String(row[3]),
      String(row[0]),
      String(row[5]),
      Number(row[6]) || 0,
      Math.round(Number(row[7]) * 100) || 0,
      Math.round(Number(row[8]) * 100) || 0,
      Number(row[9]) || 0,
      at,
      at,
    );
    inserted += 1;
  }
})();
db.close();
process.stdout.write(JSON.stringify({ rows: inserted }));
