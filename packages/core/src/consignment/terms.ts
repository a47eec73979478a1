import { DomainError } from '../errors.ts';
import { assertCents, assertWholeNumber } from '../money/cents.ts';
import { mulDivRound } from '../money/rounding.ts';

/**
 * The label's share of each copy sold: a percentage (basis points) of the line's price without
 * tax and after discounts, or a fixed amount per copy whatever the copy sold for.
 */
export type ShareRule =
	| { readonly kind: 'percent'; readonly percentBp: number }
	| { readonly kind: 'fixed'; readonly amountCents: number };

/** A label's consignment agreement with a shop: default terms plus per-release overrides. */
export interface ConsignmentAgreement {
	readonly agreementId: string;
	readonly labelId: string;
	readonly defaultRule: ShareRule;
	/** releaseId → the rule for that release, overriding `defaultRule`. */
	readonly overrides: Readonly<Record<string, ShareRule>>;
}

/** The terms that apply to one item: whose it is and the rule. Frozen on the cart line. */
export interface ConsignmentTerms {
	readonly labelId: string;
	readonly rule: ShareRule;
}

/** Throws `invalid_input` unless the rule is 0–10000 bp or a whole amount ≥ 0 per copy. */
export function assertShareRule(rule: ShareRule, field = 'share'): void {
	if (rule.kind === 'percent') assertWholeNumber(rule.percentBp, `${field} percentBp`, 0, 10_000);
	else assertCents(rule.amountCents, `${field} amountCents`);
}

/**
 * The terms of `agreement` for a release: its override when there is one, else the default.
 * A null releaseId (an item with no release) gets the default.
 */
export function termsForRelease(
	agreement: ConsignmentAgreement,
	releaseId: string | null
): ConsignmentTerms {
	const override = releaseId === null ? undefined : agreement.overrides[releaseId];
	return { labelId: agreement.labelId, rule: override ?? agreement.defaultRule };
}

/**
 * What the shop owes the label for one sold line: percent of `netCents` (the line's price
 * without tax, after line and receipt discounts), rounded half away from zero; or the fixed
 * amount × quantity, which discounts do not reduce. Throws `invalid_input` for bad figures.
 */
export function labelShareForLine(
	rule: ShareRule,
	line: { readonly quantity: number; readonly netCents: number }
): number {
	assertShareRule(rule);
	assertWholeNumber(line.quantity, 'quantity', 1, Number.MAX_SAFE_INTEGER);
	assertCents(line.netCents, 'line net amount');
	if (rule.kind === 'percent') return mulDivRound(line.netCents, rule.percentBp, 10_000);
	const share = rule.amountCents * line.quantity;
	if (!Number.isSafeInteger(share)) {
		throw new DomainError('invalid_input', `label share is too large (got ${share})`);
	}
	return share;
}
