import { currencyExponent } from '@deadwax/core';
import type { ShopStatement, StatementLine } from '@deadwax/sync';

/** Cells a spreadsheet would run as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a cell when it must be (RFC 4180); text cells are also kept from reading as formulas. */
function cell(value: string | number | null, { isText }: { isText: boolean }): string {
	if (value === null) return '';
	let text = String(value);
	// OWASP CSV injection: a leading quote makes Excel and LibreOffice show the text as text.
	if (isText && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Minor units as a plain decimal in major units with the currency's decimals: -1050 → "-10.50". */
export function decimalAmount(cents: number, currency: string): string {
	const exponent = currencyExponent(currency);
	const sign = cents < 0 ? '-' : '';
	const digits = String(Math.abs(cents)).padStart(exponent + 1, '0');
	return exponent === 0
		? `${sign}${digits}`
		: `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** What a line does to the balance: + for a sale, − for a return or payout. */
export function signedCents(line: Pick<StatementLine, 'kind' | 'amountCents'>): number {
	return line.kind === 'sale' ? line.amountCents : -line.amountCents;
}

const HEADER = ['date', 'type', 'description', 'receipt', 'quantity', 'amount', 'currency', 'shop'];

/**
 * A statement as CSV: its opening balance, one row per line, its closing balance. Amounts are
 * plain decimals signed by their effect on the balance, so a spreadsheet sum of the lines is
 * closing − opening. UTF-8 with a byte-order mark (Excel reads accents right), CRLF rows.
 */
export function statementCsv(statement: ShopStatement): string {
	const amount = (cents: number): string => decimalAmount(cents, statement.currency);
	const row = (values: (string | number | null)[], textColumns: readonly number[]): string =>
		values.map((v, i) => cell(v, { isText: textColumns.includes(i) })).join(',');
	const text = [2, 3, 7];
	const rows = [
		HEADER.join(','),
		row(
			[
				statement.from,
				'opening balance',
				'',
				null,
				null,
				amount(statement.openingCents),
				statement.currency,
				statement.shopName
			],
			text
		),
		...statement.lines.map((l) =>
			row(
				[
					l.businessDay,
					l.kind,
					l.description,
					l.receiptNo,
					l.quantity,
					amount(signedCents(l)),
					statement.currency,
					statement.shopName
				],
				text
			)
		),
		row(
			[
				statement.to,
				'closing balance',
				'',
				null,
				null,
				amount(statement.closingCents),
				statement.currency,
				statement.shopName
			],
			text
		)
	];
	return `\ufeff${rows.join('\r\n')}\r\n`;
}

/** `statement-<shop>-<from>-to-<to>.csv`, with the shop name folded to safe characters. */
export function statementFileName(
	statement: Pick<ShopStatement, 'shopName' | 'from' | 'to'>
): string {
	const shop = statement.shopName
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\w]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase();
	return `statement-${shop || 'shop'}-${statement.from}-to-${statement.to}.csv`;
}
