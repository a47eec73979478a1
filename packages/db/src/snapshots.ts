import type {
	ConsignmentAgreement,
	Item,
	Label,
	Release,
	Shop,
	Staff,
	TaxClass
} from './schema.ts';

/*
 * The JSON each entity carries in the change feed (and so on the tablet): camelCase, JSON columns
 * parsed, flags as booleans, money in cents, shaped like core's types where core has one. Every
 * writer of an entity builds its snapshot here, so the feed has one shape per entity.
 */

/** A consignment share rule, as core's ShareRule. */
export type ShareRuleSnapshot =
	{ kind: 'percent'; percentBp: number } | { kind: 'fixed'; amountCents: number };

export function shopSnapshot(row: Shop) {
	return {
		id: row.id,
		shopId: row.id,
		name: row.name,
		currency: row.currency,
		locale: row.locale,
		timeZone: row.timezone,
		taxMode: row.tax_mode,
		taxRounding: row.tax_rounding,
		cashRoundingIncrementCents: row.cash_rounding_cents,
		tradeInCreditBonusBp: row.trade_in_credit_bonus_bp,
		createdAt: row.created_at
	};
}

export function taxClassSnapshot(row: TaxClass) {
	return {
		id: row.id,
		name: row.name,
		ratePpm: row.rate_ppm,
		isActive: row.active === 1,
		version: row.version
	};
}

/** Includes the PIN hash: a register signs staff in offline against it. */
export function staffSnapshot(row: Staff) {
	return {
		id: row.id,
		name: row.name,
		role: row.role,
		pinHash: row.pin_hash,
		isActive: row.active === 1
	};
}

export function releaseSnapshot(row: Release, barcodes: readonly string[]) {
	return {
		id: row.id,
		artist: row.artist,
		title: row.title,
		label: row.label,
		catno: row.catno,
		catnoKey: row.catno_key,
		format: row.format,
		year: row.year,
		discogsReleaseId: row.discogs_release_id,
		genres: JSON.parse(row.genres) as string[],
		barcodes: [...barcodes],
		version: row.version,
		updatedAt: row.updated_at
	};
}

export function itemSnapshot(row: Item) {
	return {
		id: row.id,
		releaseId: row.release_id,
		title: row.title,
		kind: row.kind,
		sku: row.sku,
		priceCents: row.price_cents,
		costCents: row.cost_cents,
		taxClassId: row.tax_class_id,
		mediaGrade: row.media_grade,
		sleeveGrade: row.sleeve_grade,
		bin: row.bin,
		genre: row.genre,
		labelId: row.label_id,
		notes: row.notes,
		status: row.status,
		version: row.version,
		updatedAt: row.updated_at
	};
}

export function labelSnapshot(row: Label) {
	return { id: row.id, name: row.name, contact: row.contact };
}

/** As core's ConsignmentAgreement: a default rule plus per-release overrides. */
export function agreementSnapshot(row: ConsignmentAgreement) {
	const defaultRule: ShareRuleSnapshot =
		row.share_kind === 'percent'
			? { kind: 'percent', percentBp: row.share_bp ?? 0 }
			: { kind: 'fixed', amountCents: row.share_cents ?? 0 };
	return {
		id: row.id,
		agreementId: row.id,
		labelId: row.label_id,
		defaultRule,
		overrides: JSON.parse(row.overrides) as Record<string, ShareRuleSnapshot>,
		isActive: row.active === 1,
		version: row.version,
		updatedAt: row.updated_at
	};
}
