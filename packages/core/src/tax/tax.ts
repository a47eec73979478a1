import { DomainError } from '../errors.ts';
import { allocateByWeight } from '../money/allocate.ts';
import { assertCents, assertWholeNumber } from '../money/cents.ts';
import { mulDivRound } from '../money/rounding.ts';

/**
 * How shelf prices relate to tax. `inclusive`: the price already contains the tax (VAT in the
 * UK and EU). `exclusive`: tax is added on top at the till (US sales tax).
 */
export type TaxMode = 'inclusive' | 'exclusive';

/** Where tax is rounded to the cent: on each line, or once per rate on the whole receipt. */
export type TaxRounding = 'line' | 'receipt';

/** A rate the shop charges on some goods (records, merchandise, zero-rated). */
export interface TaxClass {
	readonly id: string;
	readonly name: string;
	/**
	 * Parts per million: 200000 = 20 %, 88750 = 8.875 % (New York City), 0 = zero-rated. Whole
	 * numbers from 0 to 1000000.
	 */
	readonly ratePpm: number;
}

/** The two shop settings every tax computation needs. */
export interface TaxSettings {
	readonly taxMode: TaxMode;
	readonly taxRounding: TaxRounding;
}

/** Parts per million in 100 %. */
export const PPM = 1_000_000;

/** Throws `invalid_input` unless `ratePpm` is a whole number of parts per million from 0 to 1000000. */
export function assertRatePpm(ratePpm: number, field = 'ratePpm'): void {
	assertWholeNumber(ratePpm, field, 0, PPM);
}

/** A rate in the shop's words: 88750 → "8.875 %", 190000 → "19 %". */
export function formatRatePpm(ratePpm: number): string {
	const whole = Math.trunc(ratePpm / 10_000);
	const fraction = String(ratePpm % 10_000)
		.padStart(4, '0')
		.replace(/0+$/, '');
	return `${whole}${fraction === '' ? '' : `.${fraction}`} %`;
}

/**
 * A percentage as typed ("8.875", "19", "7,7") in parts per million, or null when it is not a
 * number from 0 to 100 with at most four decimals (the most a whole ppm can hold).
 */
export function parsePercentToPpm(text: string): number | null {
	const match = /^(\d{1,3})(?:[.,](\d{1,4}))?$/.exec(text.trim());
	if (match === null) return null;
	const ppm = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
	return ppm <= PPM ? ppm : null;
}

/**
 * The tax contained in a tax-inclusive amount: gross × rate ÷ (1 + rate), rounded half away
 * from zero (the one rounding rule of core). £12.99 at 20 % → 217 (216.5 rounds up).
 */
export function taxIncluded(grossCents: number, ratePpm: number): number {
	assertRatePpm(ratePpm);
	return mulDivRound(grossCents, ratePpm, PPM + ratePpm);
}

/**
 * The tax added on top of a tax-exclusive amount: net × rate, rounded half away from zero.
 * $44.98 at 8.25 % → 371 (371.085).
 */
export function taxOnTop(netCents: number, ratePpm: number): number {
	assertRatePpm(ratePpm);
	return mulDivRound(netCents, ratePpm, PPM);
}

/** One line as tax sees it: its amount after discounts, in the shop's price mode. */
export interface TaxableLine {
	readonly amountCents: number;
	readonly ratePpm: number;
}

/** The tax on one rate of a receipt: what a VAT summary prints. */
export interface RateSummary {
	readonly ratePpm: number;
	/** Sum of the lines' amounts without tax. */
	readonly netCents: number;
	readonly taxCents: number;
}

/** Tax for a whole receipt; every figure is whole cents and the parts sum to the totals. */
export interface TaxBreakdown {
	/** The tax of each line, in the order given. Sums to `taxCents`. */
	readonly lineTaxCents: readonly number[];
	readonly taxCents: number;
	/** Amounts without tax: Σ amount − tax when inclusive, Σ amount when exclusive. */
	readonly netCents: number;
	/** What the customer pays: Σ amount when inclusive, Σ amount + tax when exclusive. */
	readonly totalCents: number;
	/** One entry per distinct rate, lowest rate first. */
	readonly byRate: readonly RateSummary[];
}

/**
 * Computes the tax of a receipt's lines. `line` rounding rounds each line's tax. `receipt`
 * rounding rounds once per rate on the sum of that rate's lines (as a VAT receipt prints it),
 * then splits that tax back over the rate's lines by largest remainder so each line still
 * carries whole cents that sum exactly. Either way net + tax = total by construction.
 * Throws `invalid_input` for a negative or fractional amount or a rate outside 0–1000000 ppm.
 */
export function computeTax(lines: readonly TaxableLine[], settings: TaxSettings): TaxBreakdown {
	lines.forEach((line, i) => {
		assertCents(line.amountCents, `line ${i + 1} amount`);
		assertRatePpm(line.ratePpm, `line ${i + 1} tax rate`);
	});
	const taxOf = settings.taxMode === 'inclusive' ? taxIncluded : taxOnTop;
	const lineTaxCents: number[] = lines.map(() => 0);
	const rates = [...new Set(lines.map((l) => l.ratePpm))].sort((a, b) => a - b);
	const byRate: RateSummary[] = [];
	for (const ratePpm of rates) {
		const indexes = lines.flatMap((l, i) => (l.ratePpm === ratePpm ? [i] : []));
		const amounts = indexes.map((i) => lines[i]?.amountCents ?? 0);
		const gross = amounts.reduce((a, b) => a + b, 0);
		const taxes =
			settings.taxRounding === 'line'
				? amounts.map((a) => taxOf(a, ratePpm))
				: allocateByWeight(taxOf(gross, ratePpm), amounts);
		indexes.forEach((lineIndex, k) => (lineTaxCents[lineIndex] = taxes[k] ?? 0));
		const taxCents = taxes.reduce((a, b) => a + b, 0);
		const netCents = settings.taxMode === 'inclusive' ? gross - taxCents : gross;
		byRate.push({ ratePpm, netCents, taxCents });
	}
	const amountCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
	const taxCents = lineTaxCents.reduce((a, b) => a + b, 0);
	if (!Number.isSafeInteger(amountCents + taxCents)) {
		throw new DomainError('invalid_input', `receipt total is too large (got ${amountCents})`);
	}
	return settings.taxMode === 'inclusive'
		? { lineTaxCents, taxCents, netCents: amountCents - taxCents, totalCents: amountCents, byRate }
		: { lineTaxCents, taxCents, netCents: amountCents, totalCents: amountCents + taxCents, byRate };
}
