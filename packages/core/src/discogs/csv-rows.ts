import Papa from 'papaparse';

/**
 * The file's line break, from the end of its first line (the header, which never holds a quoted
 * break): a file may use LF and still carry CRLF inside a quoted comment, so the whole text is no
 * guide.
 */
export function lineBreakOf(text: string): '\r\n' | '\n' {
	const end = text.indexOf('\n');
	return end > 0 && text[end - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * The records of a comma-separated text as arrays of fields: CRLF or LF, a leading BOM dropped,
 * quoted fields with doubled quotes. A blank line is a record of one empty field. Lenient: for
 * fixtures and tools; imports use readDiscogsInventory, which reports every problem instead.
 */
export function readCsvRows(text: string): string[][] {
	const body = text.startsWith('\ufeff') ? text.slice(1) : text;
	return Papa.parse<string[]>(body, {
		delimiter: ',',
		quoteChar: '"',
		escapeChar: '"',
		newline: lineBreakOf(body),
		header: false,
		dynamicTyping: false,
		skipEmptyLines: false
	}).data;
}
