import { DomainError } from '../errors.ts';
import { assertCents, assertWholeNumber } from '../money/cents.ts';
import { describeCents } from '../money/describe.ts';
import { mulDivRound } from '../money/rounding.ts';

/** A discount on a line or the whole receipt: an amount or a percentage, always with a reason. */
export type Discount =
	| { readonly kind: 'amount'; readonly amountCents: number; readonly reason: string }
	| { readonly kind: 'percent'; readonly percentBp: number; readonly reason: string };

/**
 * Checks a discount as entered and returns it with the reason trimmed. Throws `invalid_input`
 * for an amount that is not whole cents ≥ 0, a percentage outside 0–10000 bp, or an empty
 * reason (every discount needs one for the Z report). `field` names it in messages.
 */
export function checkDiscount(discount: Discount, field: string): Discount {
	const reason = discount.reason.trim();
	if (reason === '' || reason.length > 200) {
		throw new DomainError(
			'invalid_input',
			`${field} reason must be 1 to 200 characters (got ${JSON.stringify(discount.reason)})`
		);
	}
	if (discount.kind === 'amount') {
		assertCents(discount.amountCents, `${field} amountCents`);
		return { kind: 'amount', amountCents: discount.amountCents, reason };
	}
	assertWholeNumber(discount.percentBp, `${field} percentBp`, 0, 10_000);
	return { kind: 'percent', percentBp: discount.percentBp, reason };
}

/**
 * The cents a discount takes off `baseCents`: the amount itself, or base × percent rounded half
 * away from zero. Throws `invalid_input` when an amount is larger than the base.
 */
export function discountCents(
	discount: Discount,
	options: { readonly baseCents: number; readonly currency: string; readonly field: string }
): number {
	if (discount.kind === 'percent')
		return mulDivRound(options.baseCents, discount.percentBp, 10_000);
	if (discount.amountCents > options.baseCents) {
		const show = (c: number): string => describeCents(c, options.currency);
		throw new DomainError(
			'invalid_input',
			`${options.field} of ${show(discount.amountCents)} is more than the ${show(options.baseCents)} it applies to`
		);
	}
	return discount.amountCents;
}
