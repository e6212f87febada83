/**
 * RFC 4180 CSV reading and writing: quoted fields with commas, quotes ("") and newlines, CRLF or LF,
 * a UTF-8 BOM, and the delimiters spreadsheets use (",", ";", tab, "|"), sniffed from the header line.
 */

export interface CsvTable {
  header: string[];
  /** Data rows; each cell array is as long as the header (short rows padded with ""). */
  rows: { line: number; cells: string[] }[];
  delimiter: string;
  /** Rows whose cell count differed from the header, by line (reported, not fatal). */
  ragged: { line: number; cells: number }[];
  /** Set when the text ended inside a quoted field. */
  unterminatedQuoteAt?: number;
}

const DELIMITERS = [",", ";", "\t", "|"];

/** The delimiter used by the first line (outside quotes), "," when none is found. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ",";
  let bestN = 0;
  for (const [d, n] of counts) if (n > bestN) [best, bestN] = [d, n];
  return best;
}

/** Parse CSV text into records of fields with the 1-based line each record starts on. */
export function parseCsvRecords(text: string, delimiter: string): { records: { line: number; cells: string[] }[]; unterminatedQuoteAt?: number } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedStart = -1;
  const endRecord = () => {
    cells.push(field);
    field = "";
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells }); // blank lines are skipped
    cells = [];
  };
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '"' && field === "" ) {
      // quoted field: read to the closing quote
      quotedStart = line;
      i++;
      let closed = false;
      while (i < s.length) {
        const q = s[i] as string;
        if (q === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (q === "\n") line++;
        field += q;
        i++;
      }
      if (!closed) {
        endRecord();
        return { records, unterminatedQuoteAt: quotedStart };
      }
      // text after the closing quote up to the delimiter is kept (lenient, like spreadsheets)
      continue;
    }
    if (c === delimiter) {
      cells.push(field);
      field = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && s[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || cells.length) endRecord();
  return { records };
}

/** Parse a sheet whose first record is the header. */
export function parseCsvTable(text: string, delimiter?: string): CsvTable {
  const d = delimiter ?? sniffDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const { records, unterminatedQuoteAt } = parseCsvRecords(text, d);
  const header = (records[0]?.cells ?? []).map((h) => h.trim());
  const ragged: CsvTable["ragged"] = [];
  const rows = records.slice(1).map(({ line, cells }) => {
    if (cells.length !== header.length) ragged.push({ line, cells: cells.length });
    const padded = cells.slice(0, header.length);
    while (padded.length < header.length) padded.push("");
    return { line, cells: padded };
  });
  return unterminatedQuoteAt === undefined ? { header, rows, delimiter: d, ragged } : { header, rows, delimiter: d, ragged, unterminatedQuoteAt };
}

/**
 * Spreadsheet apps run cells that start with = + - @ as formulas. Such text cells get a leading "'"
 * (OWASP advice); numbers like "-2" are left alone. The importer removes the mark again.
 */
export function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d+(\.\d+)?$/.test(cell) ? "'" + cell : cell;
}

/** Undo `defuseFormula`. */
export function restoreFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** One CSV field, quoted when needed. */
export function csvField(value: string, delimiter = ",", defuse = true): string {
  const v = defuse ? defuseFormula(value) : value;
  return v.includes(delimiter) || /["\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV document (CRLF line ends as RFC 4180 asks). */
export function writeCsv(header: string[], rows: string[][], delimiter = ",", defuse = true): string {
  return [header, ...rows].map((r) => r.map((c) => csvField(c, delimiter, defuse)).join(delimiter)).join("\r\n") + "\r\n";
}
