import type { MessageKey } from '../../../shared/i18n/dictionary';

/** What a file's first bytes say it is, whatever its name claims. */
export type Container = { kind: 'zip' } | { kind: 'cfb' } | { kind: 'other'; what?: MessageKey };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let i = 0; i < signature.length; i += 1) if (bytes[at + i] !== signature[i]) return false;
  return true;
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** Formats people drop on an import dialog by mistake, named so the refusal can say what the file looks like. */
const lookalikes: { signature: number[]; at?: number; what: MessageKey }[] = [
  { signature: [0x89, 0x50, 0x4e, 0x47], what: 'imports.fileType.png' },
  { signature: [0xff, 0xd8, 0xff], what: 'imports.fileType.jpeg' },
  { signature: ascii('GIF8'), what: 'imports.fileType.gif' },
  { signature: ascii('WEBP'), at: 8, what: 'imports.fileType.webp' },
  { signature: ascii('%PDF'), what: 'imports.fileType.pdf' },
  { signature: ascii('Rar!'), what: 'imports.fileType.rar' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'imports.fileType.7z' },
  { signature: [0x1f, 0x8b], what: 'imports.fileType.gzip' },
  { signature: ascii('SQLite format 3'), what: 'imports.fileType.sqlite' },
];

/** Sorts bytes into the containers SheetJS reads (zip for xlsx/ods, CFB for xls) and everything else. */
export function sniffContainer(bytes: Uint8Array): Container {
  // Local file header, or the end record of an empty archive.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'cfb' };
  const lookalike = lookalikes.find(({ signature, at }) => startsWith(bytes, signature, at));
  return lookalike ? { kind: 'other', what: lookalike.what } : { kind: 'other' };
}

/** The lower-case extension of a file name, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The name a one-sheet text file gets as its sheet, as Excel does: the file name without its extension. */
export function baseNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'Sheet1';
}
