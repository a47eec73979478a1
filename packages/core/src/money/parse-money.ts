import { DomainError } from '../errors.ts';
import { currencyExponent } from './currency.ts';

const INVISIBLE = /[\s\u00a0\u2007\u202f\u200b-\u200f\u2060\ufeff]/gu;
const SEPARATORS = /[.,'’]/u;

function separatorsOf(locale: string): { decimal: string; group: string } {
	const parts = new Intl.NumberFormat(locale).formatToParts(1234.5);
	const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
	const group = parts.find((p) => p.type === 'group')?.value ?? ',';
	return { decimal, group: group.replace(INVISIBLE, ' ') };
}

function symbolsOf(currency: string, locale: string): string[] {
	const symbols = new Set<string>([currency]);
	for (const currencyDisplay of ['symbol', 'narrowSymbol', 'name'] as const) {
		const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay });
		for (const part of parts.formatToParts(1)) {
			if (part.type === 'currency') symbols.add(part.value);
		}
	}
	// Longest first, so "CHF" goes before "F" and "US$" before "$".
	return [...symbols].sort((a, b) => b.length - a.length);
}

function fail(text: string, expected: string): never {
	throw new DomainError('invalid_input', `amount ${expected} (got ${JSON.stringify(text)})`);
}

/** True when every group after the first has exactly three digits (1.234.567). */
function isGrouped(groups: readonly string[]): boolean {
	return groups.slice(1).every((g) => /^\d{3}$/.test(g)) && /^\d{1,3}$/.test(groups[0] ?? '');
}

/**
 * Reads an amount a clerk typed into whole minor units, working on the digits as text so no
 * float ever touches the amount. Accepts the currency's symbol or code on either side, spaces,
 * a leading minus, and either "." or "," as the decimal mark: "12.5", "12,50", "€12",
 * "1.234,50" (de), "1,234.50" (en). A single separator followed by exactly three digits is a
 * thousands separator only when it is the locale's group mark ("1.234" in de is 1234, in en
 * it is 1.234 and fails for EUR). Throws `invalid_input` saying what was expected, e.g. for
 * letters, more decimals than the currency has (JPY has none), or badly placed separators.
 */
export function parseMoney(text: string, currency: string, locale: string): number {
	const exponent = currencyExponent(currency);
	const { decimal, group } = separatorsOf(locale);
	// NFKC folds full-width digits and ￥ into what a Latin keyboard types.
	let rest = text.normalize('NFKC').replace(INVISIBLE, '');
	let negative = false;
	const takeMinus = (): void => {
		if (!negative && /^[-−]/u.test(rest)) {
			negative = true;
			rest = rest.slice(1);
		}
	};
	takeMinus(); // "-€12" and "€-12" both mean minus twelve
	for (const symbol of symbolsOf(currency, locale)) {
		const s = symbol.normalize('NFKC').replace(INVISIBLE, '').toUpperCase();
		if (rest.toUpperCase().startsWith(s)) rest = rest.slice(s.length);
		else if (rest.toUpperCase().endsWith(s)) rest = rest.slice(0, -s.length);
	}
	takeMinus();
	if (rest === '') fail(text, `must be a number like 12.50`);
	if (!/^[0-9.,'’]+$/u.test(rest) || !/^\d/u.test(rest)) {
		fail(text, `must be a number like 12.50, with only digits and one decimal mark`);
	}

	const marks = [...rest].filter((c) => SEPARATORS.test(c));
	const lastMark = marks.at(-1);
	let decimalMark: string | undefined;
	if (lastMark !== undefined) {
		const kinds = new Set(marks);
		const isApostrophe = lastMark === "'" || lastMark === '’';
		if (kinds.size > 1) decimalMark = isApostrophe ? undefined : lastMark;
		else if (marks.length > 1 || isApostrophe) decimalMark = undefined;
		else if (lastMark === decimal) decimalMark = lastMark;
		else if (lastMark === group && /^\d{3}$/u.test(rest.slice(rest.lastIndexOf(lastMark) + 1))) {
			decimalMark = undefined;
		} else decimalMark = lastMark;
	}

	const cut = decimalMark === undefined ? rest.length : rest.lastIndexOf(decimalMark);
	const whole = rest.slice(0, cut);
	const fraction = rest.slice(cut + 1);
	const groups = whole.split(/[.,'’]/u);
	if (groups.length > 1 && !isGrouped(groups)) {
		fail(text, `has a misplaced thousands separator; write it like 1234.50`);
	}
	if (SEPARATORS.test(fraction)) fail(text, `must have at most one decimal mark`);
	if (decimalMark !== undefined && fraction === '')
		fail(text, `must have digits after the decimal mark`);
	if (fraction.length > exponent) {
		fail(
			text,
			exponent === 0
				? `must be a whole number: ${currency} has no minor unit`
				: `must have at most ${exponent} decimal places for ${currency}`
		);
	}
	const digits = (groups.join('') + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/u, '');
	const cents = Number(digits);
	if (!Number.isSafeInteger(cents)) fail(text, `is too large`);
	return negative && cents !== 0 ? -cents : cents;
}
