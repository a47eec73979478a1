import { DomainError } from '../errors.ts';
import { assertCents } from './cents.ts';
import { assertCurrency } from './currency.ts';

/** An amount in whole minor units of an ISO 4217 currency. Never a float. */
export interface Money {
	readonly amountCents: number;
	readonly currency: string;
}

/** Builds a Money. Throws `invalid_input` for a fractional amount or an unknown currency. */
export function money(amountCents: number, currency: string): Money {
	assertCents(amountCents, 'amountCents', Number.MIN_SAFE_INTEGER);
	assertCurrency(currency);
	return { amountCents, currency };
}

/** Sums amounts of one currency. Throws `invalid_input` when currencies are mixed. */
export function sumMoney(currency: string, amounts: readonly Money[]): Money {
	let total = 0;
	for (const amount of amounts) {
		if (amount.currency !== currency) {
			throw new DomainError(
				'invalid_input',
				`cannot add ${amount.currency} to ${currency}: convert first`
			);
		}
		total += amount.amountCents;
	}
	return money(total, currency);
}
