/** A column of a CSV export: its header and how to read the value from a row. */
export interface CsvColumn<Row> {
	header: string;
	value: (row: Row) => string | number | null;
}

const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet runs text starting with these as a formula; a leading ' keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV for a spreadsheet: a header line, CRLF line ends, fields quoted only when they
 * must be, numbers as numbers, and text that a spreadsheet would run as a formula kept as text.
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
	const lines = [columns.map((c) => field(c.header)).join(',')];
	for (const row of rows) lines.push(columns.map((c) => field(c.value(row))).join(','));
	return lines.join('\r\n') + '\r\n';
}

/** Minor units as a plain decimal for a spreadsheet cell: 1299 → "12.99", -5 → "-0.05". */
export function centsToDecimal(cents: number, exponent = 2): string {
	const sign = cents < 0 ? '-' : '';
	const digits = String(Math.abs(cents)).padStart(exponent + 1, '0');
	return exponent === 0
		? `${sign}${digits}`
		: `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
