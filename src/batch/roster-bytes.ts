/**
 * A roster file's bytes as the program reads them, whatever the office's
 * spreadsheet saved: a workbook (.xlsx) read directly, or text in UTF-8 (with
 * or without a byte order mark), UTF-16 with a byte order mark (Excel's
 * "Unicode text") or, when the bytes are not UTF-8, Windows-1252 (Excel's
 * "CSV" on Windows) with a warning.
 *
 * @example
 * const roster = await readRosterBytes(bytes, 'night.xlsx', { dateOrder: 'day-first' });
 */
import readXlsxFile from 'read-excel-file/universal';
import type { Diagnostic } from '../diagnostics.js';
import { parseRoster } from './roster.js';
import { rosterFromSheet, type SheetRow } from './roster-csv.js';
import type { Roster, RowDefaults } from './roster-types.js';

/** Text from roster bytes and a warning when the encoding was a guess. */
export function decodeRosterText(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), diagnostics: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), diagnostics: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      diagnostics: [
        {
          severity: 'warning',
          file,
          message: 'the roster is not UTF-8; it was read as Windows-1252 (what Excel on Windows saves as "CSV")',
          hints: ['check the names in the report; to be sure, save the roster as "CSV UTF-8" or as an .xlsx workbook'],
        },
      ],
    };
  }
}

/** True when the bytes are a zip archive, as every .xlsx workbook is. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the first sheet of an .xlsx workbook into a roster (dates as dates, whatever the cell's display format). */
async function readWorkbook(bytes: Uint8Array, file: string, defaults: RowDefaults): Promise<Roster> {
  let sheet: SheetRow[];
  try {
    // A copy of just these bytes (a Node Buffer may be a view of a larger pool).
    const copy = Uint8Array.from(bytes).buffer;
    const sheets = await readXlsxFile(copy);
    sheet = (sheets[0]?.data ?? []).map((cells, i) => ({ cells: cells as SheetRow['cells'], row: i + 1 }));
  } catch (error) {
    return {
      file,
      format: 'xlsx',
      rows: [],
      diagnostics: [
        {
          severity: 'error',
          file,
          message: `the workbook cannot be read: ${(error as Error).message}`,
          hints: ['open it in the spreadsheet and save it again as .xlsx (Excel Workbook), or export the sheet as "CSV UTF-8"'],
        },
      ],
    };
  }
  return rosterFromSheet(sheet, file, 'xlsx', defaults);
}

/** Reads a roster file's bytes by its name: .xlsx, .csv (any of the encodings above), .yaml. */
export async function readRosterBytes(bytes: Uint8Array, file: string, defaults: RowDefaults = {}): Promise<Roster> {
  if (/\.xlsx$/i.test(file) || (/\.csv$/i.test(file) && isZip(bytes))) return readWorkbook(bytes, file, defaults);
  const { text, diagnostics } = decodeRosterText(bytes, file);
  const roster = parseRoster(text, file, defaults);
  return diagnostics.length > 0 ? { ...roster, diagnostics: [...diagnostics, ...roster.diagnostics] } : roster;
}
