import { z } from 'zod';
import { DomainError } from '../errors.ts';
import type { TaxClass, TaxMode, TaxRounding } from '../tax/tax.ts';
import { currencyCode, id } from '../wire/operations.ts';

/**
 * The shop settings core needs to price, tax, settle and date a sale. A cart copies them when it
 * opens, so a settings change in the office never alters a sale already on screen.
 */
export interface Shop {
	readonly shopId: string;
	readonly name: string;
	/** ISO 4217; every amount of the shop is in its minor units. */
	readonly currency: string;
	/** BCP 47 tag for formatting and for reading typed amounts (de-DE, en-US). */
	readonly locale: string;
	/** IANA zone that decides the business day (Europe/Berlin), whatever the tablet's zone. */
	readonly timeZone: string;
	readonly taxMode: TaxMode;
	readonly taxRounding: TaxRounding;
	/** Cash totals round to this many minor units: 1 = no rounding, 5 for CHF. */
	readonly cashRoundingIncrementCents: number;
	readonly taxClasses: readonly TaxClass[];
}

function isTimeZone(tz: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: tz });
		return true;
	} catch {
		return false; // Intl throws RangeError for an unknown zone; that is the answer
	}
}

function isLocale(tag: string): boolean {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false; // RangeError: not a well-formed BCP 47 tag
	}
}

/** Validates one tax class: a unique id, a name, and a rate in whole parts per million 0–1000000. */
export const taxClassSchema = z.object({
	id,
	name: z.string().trim().min(1, { error: 'tax class name must not be empty' }).max(100),
	ratePpm: z
		.number()
		.int({ error: 'ratePpm must be whole parts per million (200000 = 20 %, 88750 = 8.875 %)' })
		.min(0, { error: 'ratePpm must be ≥ 0' })
		.max(1_000_000, { error: 'ratePpm must be ≤ 1000000 (100 %)' })
});

/** Validates shop settings as they arrive from the office or the server. */
export const shopSchema = z
	.object({
		shopId: id,
		name: z.string().trim().min(1, { error: 'shop name must not be empty' }).max(200),
		currency: currencyCode,
		locale: z.string().refine(isLocale, { error: 'locale must be a BCP 47 tag like de-DE' }),
		timeZone: z
			.string()
			.refine(isTimeZone, { error: 'timeZone must be an IANA zone like Europe/Berlin' }),
		taxMode: z.enum(['inclusive', 'exclusive'], {
			error: 'taxMode must be inclusive or exclusive'
		}),
		taxRounding: z.enum(['line', 'receipt'], { error: 'taxRounding must be line or receipt' }),
		cashRoundingIncrementCents: z
			.number()
			.int({ error: 'cashRoundingIncrementCents must be a whole number' })
			.min(1, { error: 'cashRoundingIncrementCents must be ≥ 1 (1 = no rounding)' })
			.max(10_000),
		taxClasses: z.array(taxClassSchema).min(1, { error: 'a shop needs at least one tax class' })
	})
	.refine((s) => new Set(s.taxClasses.map((c) => c.id)).size === s.taxClasses.length, {
		error: 'tax class ids must be unique',
		path: ['taxClasses']
	});

/** Finds a tax class of the shop. Throws `not_found` naming the id and the shop. */
export function taxClassById(shop: Shop, taxClassId: string): TaxClass {
	const found = shop.taxClasses.find((c) => c.id === taxClassId);
	if (found === undefined) {
		throw new DomainError(
			'not_found',
			`tax class ${JSON.stringify(taxClassId)} is not set up in shop ${shop.shopId}`
		);
	}
	return found;
}
