import type { ConsignmentTerms } from '../consignment/terms.ts';
import { addLine, openCart, type Cart } from '../sale/cart.ts';
import type { CatalogItem } from '../sale/catalog-item.ts';
import { completeSale } from '../sale/complete-sale.ts';
import { priceCart } from '../sale/price-cart.ts';
import type { Shop } from '../shop/shop.ts';
import type { TenderInput } from '../tender/settle-tenders.ts';
import type { SaleRecord } from '../wire/operations.ts';

/**
 * Builders for tests in core and other packages: valid by default, every field overridable.
 * Shipped only through `@deadwax/core/testing`.
 */

/** A deterministic UUIDv7-shaped id for tests: testUuid(1) → 00000000-0000-7000-8000-000000000001. */
export function testUuid(n: number): string {
	return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A record shop in Berlin: EUR, VAT included in prices, rounded per line, no cash rounding. */
export function aShop(overrides: Partial<Shop> = {}): Shop {
	return {
		shopId: 'shop-berlin',
		name: 'Deadwax Berlin',
		currency: 'EUR',
		locale: 'de-DE',
		timeZone: 'Europe/Berlin',
		taxMode: 'inclusive',
		taxRounding: 'line',
		cashRoundingIncrementCents: 1,
		taxClasses: [
			{ id: 'records', name: 'Records', ratePpm: 190000 },
			{ id: 'merch', name: 'Merchandise', ratePpm: 190000 },
			{ id: 'books', name: 'Books', ratePpm: 70000 },
			{ id: 'zero', name: 'Zero-rated', ratePpm: 0 }
		],
		...overrides
	};
}

/** A UK shop: GBP, 20 % VAT included in prices, rounded per line. */
export function aUkShop(overrides: Partial<Shop> = {}): Shop {
	return aShop({
		shopId: 'shop-london',
		name: 'Deadwax London',
		currency: 'GBP',
		locale: 'en-GB',
		timeZone: 'Europe/London',
		taxClasses: [
			{ id: 'records', name: 'Records', ratePpm: 200000 },
			{ id: 'merch', name: 'Merchandise', ratePpm: 200000 },
			{ id: 'zero', name: 'Zero-rated (books)', ratePpm: 0 }
		],
		...overrides
	});
}

/** A US shop in Chicago: USD, 10.25 % sales tax added at the till, rounded per receipt. */
export function aUsShop(overrides: Partial<Shop> = {}): Shop {
	return aShop({
		shopId: 'shop-chicago',
		name: 'Deadwax Chicago',
		currency: 'USD',
		locale: 'en-US',
		timeZone: 'America/Chicago',
		taxMode: 'exclusive',
		taxRounding: 'receipt',
		taxClasses: [
			{ id: 'records', name: 'Records', ratePpm: 102500 },
			{ id: 'merch', name: 'Merchandise', ratePpm: 102500 },
			{ id: 'zero', name: 'Exempt', ratePpm: 0 }
		],
		...overrides
	});
}

/** A Swiss shop: CHF, 8.1 % VAT included, cash rounded to 5 rappen. */
export function aSwissShop(overrides: Partial<Shop> = {}): Shop {
	return aShop({
		shopId: 'shop-zurich',
		name: 'Deadwax Zürich',
		currency: 'CHF',
		locale: 'de-CH',
		timeZone: 'Europe/Zurich',
		cashRoundingIncrementCents: 5,
		taxClasses: [
			{ id: 'records', name: 'Records', ratePpm: 81000 },
			{ id: 'zero', name: 'Exempt', ratePpm: 0 }
		],
		...overrides
	});
}

/** A new, shop-owned LP at 24.99 in the 'records' tax class. */
export function aCatalogItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
	return {
		itemId: 'item-sk026',
		releaseId: 'release-2',
		description: "Mr. James Barth & A.D. – Knockin' Boots (Vol 2 Of 2) [SK 026]",
		kind: 'new',
		priceCents: 2499,
		taxClassId: 'records',
		consignment: null,
		...overrides
	};
}

/** A used, graded single copy at 12.00. */
export function aUsedItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
	return aCatalogItem({
		itemId: 'item-used-1',
		releaseId: 'release-1',
		description: 'The Persuader – Stockholm (VG+/VG)',
		kind: 'used',
		priceCents: 1200,
		...overrides
	});
}

/** A new LP on consignment from a small label, 60 % of the net price to the label. */
export function aConsignedItem(overrides: Partial<CatalogItem> = {}): CatalogItem {
	const terms: ConsignmentTerms = {
		labelId: 'label-svek',
		rule: { kind: 'percent', percentBp: 6000 }
	};
	return aCatalogItem({
		itemId: 'item-consigned-1',
		releaseId: 'release-32',
		description: 'The Persuader – Stockholm [SK032]',
		priceCents: 2200,
		consignment: terms,
		...overrides
	});
}

/** An open cart with the given lines (lineIds line-1, line-2, …). */
export function aCart(
	options: {
		readonly shop?: Shop;
		readonly saleId?: string;
		readonly lines?: readonly { readonly item: CatalogItem; readonly quantity?: number }[];
	} = {}
): Cart {
	let cart = openCart({ saleId: options.saleId ?? testUuid(1), shop: options.shop ?? aShop() });
	(options.lines ?? [{ item: aCatalogItem() }]).forEach(({ item, quantity }, i) => {
		cart = addLine(cart, { lineId: `line-${i + 1}`, item, quantity: quantity ?? 1 });
	});
	return cart;
}

/**
 * A completed sale built by the real completeSale: by default one new LP and one consigned LP
 * paid exactly by card.
 */
export function aSaleRecord(
	options: {
		readonly cart?: Cart;
		readonly tenders?: readonly TenderInput[];
		readonly receiptNo?: string;
		readonly clerkId?: string;
		readonly completedAt?: string;
	} = {}
): SaleRecord {
	const cart =
		options.cart ??
		aCart({ lines: [{ item: aCatalogItem(), quantity: 2 }, { item: aConsignedItem() }] });
	return completeSale(cart, {
		tenders: options.tenders ?? [
			{ kind: 'card', amountCents: priceCart(cart).totalCents, reference: 'AUTH-0001' }
		],
		receiptNo: options.receiptNo ?? 'K7-000001',
		clerkId: options.clerkId ?? 'staff-ana',
		completedAt: options.completedAt ?? '2026-03-01T14:30:00Z'
	});
}
