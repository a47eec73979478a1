import type { ConsignmentTerms } from '../consignment/terms.ts';
import type { ItemKind } from '../wire/operations.ts';

/**
 * What the register can sell, as the cart needs it. New stock is counted (many copies of one
 * item); a used item is one graded copy. Consignment terms are resolved for the item's release
 * (see termsForRelease) and frozen on the line when it is rung up.
 */
export interface CatalogItem {
	readonly itemId: string;
	readonly releaseId: string | null;
	/** Receipt text, e.g. "Svek – SK026 Knockin' Boots (12\")". */
	readonly description: string;
	readonly kind: ItemKind;
	/** Shelf price per copy in the shop's price mode (with tax when inclusive). */
	readonly priceCents: number;
	readonly taxClassId: string;
	readonly consignment: ConsignmentTerms | null;
}
