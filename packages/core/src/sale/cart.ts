import { must } from '../assert.ts';
import { assertShareRule, type ConsignmentTerms } from '../consignment/terms.ts';
import { DomainError } from '../errors.ts';
import { assertCents, assertWholeNumber } from '../money/cents.ts';
import { assertCurrency } from '../money/currency.ts';
import { taxClassById, type Shop } from '../shop/shop.ts';
import type { ItemKind } from '../wire/operations.ts';
import { assertId, assertUuid } from '../ids.ts';
import type { CatalogItem } from './catalog-item.ts';
import { checkDiscount, type Discount } from './discount.ts';
import { lineName } from './line-name.ts';
import { priceCart } from './price-cart.ts';

/** One line of an open sale: prices, rate and consignment terms copied when it was rung up. */
export interface CartLine {
	readonly lineId: string;
	readonly itemId: string;
	readonly releaseId: string | null;
	readonly description: string;
	readonly kind: ItemKind;
	readonly quantity: number;
	readonly unitPriceCents: number;
	readonly taxClassId: string;
	readonly taxRatePpm: number;
	readonly discount: Discount | null;
	readonly consignment: ConsignmentTerms | null;
}

/**
 * A sale being rung up. Immutable: every change returns a new cart that still prices cleanly.
 * `shop` is the settings copied at open. A voided cart refuses every change (`sale_closed`); a
 * completed one lives on as its SaleRecord.
 */
export interface Cart {
	readonly saleId: string;
	readonly shop: Shop;
	readonly status: 'open' | 'voided';
	readonly voidReason: string | null;
	readonly lines: readonly CartLine[];
	readonly receiptDiscount: Discount | null;
}

/** The most copies of one item on one line; more is a typo, not a sale. */
export const MAX_LINE_QUANTITY = 9999;

function lineIndex(cart: Cart, lineId: string): number {
	const index = cart.lines.findIndex((l) => l.lineId === lineId);
	if (index < 0) {
		// The clerk tapped a line that is gone (removed, or merged by a second scan).
		throw new DomainError('not_found', 'that line is no longer in this sale');
	}
	return index;
}

/** Throws `sale_closed` when the cart was voided. Every change checks it first. */
export function assertCartOpen(cart: Cart): void {
	if (cart.status !== 'open') {
		// An open cart has no receipt number yet, so "this sale" is all a clerk can recognise.
		throw new DomainError('sale_closed', 'this sale was voided; start a new sale');
	}
}

/** Every change goes through here, so a cart that cannot be priced is never returned. */
function changed(cart: Cart): Cart {
	priceCart(cart);
	return cart;
}

/** Opens an empty sale. Throws `invalid_input` for a saleId that is not a UUID or a bad currency. */
export function openCart(options: { readonly saleId: string; readonly shop: Shop }): Cart {
	assertUuid(options.saleId, 'saleId');
	assertCurrency(options.shop.currency, 'shop currency');
	return {
		saleId: options.saleId,
		shop: options.shop,
		status: 'open',
		voidReason: null,
		lines: [],
		receiptDiscount: null
	};
}

/**
 * Rings up `quantity` copies of `item`, copying its price, tax rate and consignment terms so a
 * later catalogue edit never changes this sale. A new item already on an undiscounted line at
 * the same price adds to that line (scanning twice means two copies) and `lineId` is unused.
 * A used item is one unique copy: quantity must be 1 and it cannot be rung up twice
 * (`conflict`). Throws `sale_closed`, `not_found` (tax class) or `invalid_input`.
 */
export function addLine(
	cart: Cart,
	options: { readonly lineId: string; readonly item: CatalogItem; readonly quantity: number }
): Cart {
	assertCartOpen(cart);
	const { lineId, item, quantity } = options;
	assertId(lineId, 'lineId');
	assertId(item.itemId, 'itemId');
	if (item.releaseId !== null) assertId(item.releaseId, 'releaseId');
	assertWholeNumber(quantity, 'quantity', 1, MAX_LINE_QUANTITY);
	const description = item.description.trim().slice(0, 300);
	const name = lineName({ description }, cart.lines.length + 1);
	assertCents(item.priceCents, `price of ${name}`);
	if (item.consignment !== null) assertShareRule(item.consignment.rule, 'consignment');
	const taxClass = taxClassById(cart.shop, item.taxClassId);

	if (item.kind === 'used') {
		if (quantity !== 1) {
			throw new DomainError(
				'invalid_input',
				`quantity of used item ${name} must be 1: it is a single copy (got ${quantity})`
			);
		}
		if (cart.lines.some((l) => l.itemId === item.itemId)) {
			throw new DomainError('conflict', `used item ${name} is already in this sale`);
		}
	} else {
		const same = cart.lines.findIndex(
			(l) => l.itemId === item.itemId && l.discount === null && l.unitPriceCents === item.priceCents
		);
		const existing = cart.lines[same];
		if (existing !== undefined) {
			return setQuantity(cart, existing.lineId, existing.quantity + quantity);
		}
	}
	if (cart.lines.some((l) => l.lineId === lineId)) {
		throw new DomainError('conflict', `lineId ${lineId} is already used in this sale`);
	}
	const line: CartLine = {
		lineId,
		itemId: item.itemId,
		releaseId: item.releaseId,
		description,
		kind: item.kind,
		quantity,
		// Copy the price so a later catalogue change never rewrites this receipt.
		unitPriceCents: item.priceCents,
		taxClassId: taxClass.id,
		taxRatePpm: taxClass.ratePpm,
		discount: null,
		consignment: item.consignment
	};
	return changed({ ...cart, lines: [...cart.lines, line] });
}

/**
 * Sets a line's quantity. Throws `not_found`, `sale_closed`, `invalid_input` (not 1–9999, a
 * used copy above 1, or a line discount amount that no longer fits).
 */
export function setQuantity(cart: Cart, lineId: string, quantity: number): Cart {
	assertCartOpen(cart);
	const index = lineIndex(cart, lineId);
	assertWholeNumber(quantity, 'quantity', 1, MAX_LINE_QUANTITY);
	const line = cart.lines[index];
	if (line?.kind === 'used' && quantity !== 1) {
		throw new DomainError(
			'invalid_input',
			`quantity of used item ${lineName(line, index + 1)} must be 1: it is a single copy (got ${quantity})`
		);
	}
	const lines = cart.lines.map((l, i) => (i === index ? { ...l, quantity } : l));
	return changed({ ...cart, lines });
}

/** Removes a line. Throws `not_found` or `sale_closed`, or `invalid_input` when the receipt discount amount would exceed what is left. */
export function removeLine(cart: Cart, lineId: string): Cart {
	assertCartOpen(cart);
	const index = lineIndex(cart, lineId);
	return changed({ ...cart, lines: cart.lines.filter((_, i) => i !== index) });
}

/**
 * Sets or clears (null) a line's discount. Throws `invalid_input` for a bad discount or an
 * amount above the line's price × quantity; `not_found`; `sale_closed`.
 */
export function setLineDiscount(cart: Cart, lineId: string, discount: Discount | null): Cart {
	assertCartOpen(cart);
	const index = lineIndex(cart, lineId);
	const line = must(cart.lines[index], 'the line lineIndex found');
	const checked =
		discount === null ? null : checkDiscount(discount, `${lineName(line, index + 1)}: discount`);
	const lines = cart.lines.map((l, i) => (i === index ? { ...l, discount: checked } : l));
	return changed({ ...cart, lines });
}

/**
 * Sets or clears (null) the receipt discount, which is taken from the total after line
 * discounts and apportioned over the lines to the cent. Throws `invalid_input` for a bad
 * discount or an amount above that total; `sale_closed`.
 */
export function setReceiptDiscount(cart: Cart, discount: Discount | null): Cart {
	assertCartOpen(cart);
	const checked = discount === null ? null : checkDiscount(discount, 'receipt discount');
	return changed({ ...cart, receiptDiscount: checked });
}

/**
 * Voids a sale before it completes: nothing is sold, no stock moves, and every later change
 * throws `sale_closed`. A completed sale cannot be voided; return it instead. Throws
 * `invalid_input` for an empty reason and `sale_closed` when already voided.
 */
export function voidCart(cart: Cart, reason: string): Cart {
	assertCartOpen(cart);
	const trimmed = reason.trim();
	if (trimmed === '' || trimmed.length > 200) {
		throw new DomainError(
			'invalid_input',
			`void reason must be 1 to 200 characters (got ${JSON.stringify(reason)})`
		);
	}
	return { ...cart, status: 'voided', voidReason: trimmed };
}
