import { assert } from '../assert.ts';
import { businessDayOf } from '../business-day/business-day.ts';
import { DomainError } from '../errors.ts';
import type { MediaGrade, SleeveGrade } from '../grading/grades.ts';
import { mediaGradeSchema, sleeveGradeSchema } from '../grading/grades.ts';
import { assertId, assertUuid } from '../ids.ts';
import { allocateByWeight } from '../money/allocate.ts';
import { assertCents, assertWholeNumber } from '../money/cents.ts';
import { divRound, mulDivRound } from '../money/rounding.ts';
import { formatReceiptNo, parseReceiptNo } from '../receipt-number/receipt-number.ts';
import { taxClassById, type Shop } from '../shop/shop.ts';
import { tradeInRecordSchema, type TradeInRecord } from '../wire/operations.ts';

/**
 * How much of the best-condition offer each grade is worth, in basis points (10000 = all of
 * it). The offer for a record is base × media factor × sleeve factor.
 */
export interface GradeFactors {
	readonly media: Readonly<Record<MediaGrade, number>>;
	readonly sleeve: Readonly<Record<SleeveGrade, number>>;
}

/** A buy-counter starting point; shops set their own. The media grade matters most. */
export const DEFAULT_GRADE_FACTORS: GradeFactors = {
	media: { M: 10_000, NM: 10_000, 'VG+': 7000, VG: 4000, 'G+': 2000, G: 1000, F: 500, P: 0 },
	sleeve: {
		M: 10_000,
		NM: 10_000,
		'VG+': 9500,
		VG: 8500,
		'G+': 7500,
		G: 6500,
		F: 5500,
		P: 5000,
		Generic: 8000,
		'Not Graded': 9000,
		'No Cover': 7000
	}
};

/**
 * The offer for one record: `baseOfferCents` (what a NM/NM copy is worth to the shop) × media
 * factor × sleeve factor, rounded half away from zero. Throws `invalid_input` for a negative
 * or fractional base or a factor outside 0–10000 bp.
 */
export function offerForGrade(options: {
	readonly baseOfferCents: number;
	readonly mediaGrade: MediaGrade;
	readonly sleeveGrade: SleeveGrade;
	readonly factors?: GradeFactors;
}): number {
	const factors = options.factors ?? DEFAULT_GRADE_FACTORS;
	assertCents(options.baseOfferCents, 'baseOfferCents');
	const media = factors.media[options.mediaGrade];
	const sleeve = factors.sleeve[options.sleeveGrade];
	assertWholeNumber(media, `factor for media ${options.mediaGrade}`, 0, 10_000);
	assertWholeNumber(sleeve, `factor for sleeve ${options.sleeveGrade}`, 0, 10_000);
	return divRound(BigInt(options.baseOfferCents) * BigInt(media) * BigInt(sleeve), 100_000_000n);
}

/** One record on the buy counter, as the clerk graded and priced it. */
export interface TradeInLineInput {
	readonly lineId: string;
	/** Id for the used item the record becomes. */
	readonly itemId: string;
	readonly releaseId: string | null;
	readonly description: string;
	readonly mediaGrade: MediaGrade;
	readonly sleeveGrade: SleeveGrade;
	readonly offerCents: number;
	/** Shelf price if set now; null to price it later. */
	readonly priceCents: number | null;
	readonly taxClassId: string;
}

/**
 * How the customer is paid. Store credit adds a bonus on the whole offer (in basis points,
 * e.g. 2500 = 25 % more than cash) to keep the money in the shop.
 */
export type TradeInPayoutChoice =
	| { readonly kind: 'cash' }
	| { readonly kind: 'store_credit'; readonly voucherCode: string; readonly creditBonusBp: number };

/**
 * Completes a trade-in. Each record becomes a used graded item whose cost basis is what the
 * shop paid for it: its offer, plus (for store credit) its part of the bonus apportioned by
 * largest remainder, so Σ cost basis = payout amount exactly. Throws `invalid_input` for an
 * empty trade-in, bad ids, grades, amounts, receipt number or time, or a bonus outside
 * 0–10000 bp; `not_found` for an unknown tax class; `conflict` for a repeated item id.
 */
export function completeTradeIn(options: {
	readonly tradeInId: string;
	readonly shop: Shop;
	readonly lines: readonly TradeInLineInput[];
	readonly payout: TradeInPayoutChoice;
	readonly receiptNo: string;
	readonly clerkId: string;
	readonly completedAt: string;
}): TradeInRecord {
	const { shop, lines, payout } = options;
	assertUuid(options.tradeInId, 'tradeInId');
	assertId(options.clerkId, 'clerkId');
	const receipt = parseReceiptNo(options.receiptNo);
	const businessDay = businessDayOf(options.completedAt, shop.timeZone);
	if (lines.length === 0) {
		throw new DomainError('invalid_input', 'a trade-in needs at least one record');
	}
	const seen = new Set<string>();
	lines.forEach((line, i) => {
		const n = `record ${i + 1}`;
		assertId(line.lineId, `${n} lineId`);
		assertId(line.itemId, `${n} itemId`);
		if (line.releaseId !== null) assertId(line.releaseId, `${n} releaseId`);
		if (seen.has(line.itemId)) {
			throw new DomainError('conflict', `${n} reuses item id ${line.itemId}`);
		}
		seen.add(line.itemId);
		if (!mediaGradeSchema.safeParse(line.mediaGrade).success) {
			throw new DomainError(
				'invalid_input',
				`${n} media grade must be one of M, NM, VG+, VG, G+, G, F, P (got ${JSON.stringify(line.mediaGrade)})`
			);
		}
		if (!sleeveGradeSchema.safeParse(line.sleeveGrade).success) {
			throw new DomainError(
				'invalid_input',
				`${n} sleeve grade is not a Goldmine grade or Generic, Not Graded, No Cover (got ${JSON.stringify(line.sleeveGrade)})`
			);
		}
		assertCents(line.offerCents, `${n} offerCents`);
		if (line.priceCents !== null) assertCents(line.priceCents, `${n} priceCents`);
		taxClassById(shop, line.taxClassId);
	});

	const offers = lines.map((l) => l.offerCents);
	const offerCents = offers.reduce((a, b) => a + b, 0);
	let bonusCents = 0;
	if (payout.kind === 'store_credit') {
		assertWholeNumber(payout.creditBonusBp, 'creditBonusBp', 0, 10_000);
		bonusCents = mulDivRound(offerCents, payout.creditBonusBp, 10_000);
	}
	const bonusParts = allocateByWeight(bonusCents, offers);
	const record: TradeInRecord = {
		tradeInId: options.tradeInId,
		receiptNo: formatReceiptNo(receipt.deviceCode, receipt.seq),
		clerkId: options.clerkId,
		currency: shop.currency,
		businessDay,
		completedAt: options.completedAt,
		lines: lines.map((l, i) => ({
			lineId: l.lineId,
			itemId: l.itemId,
			releaseId: l.releaseId,
			description: l.description.trim().slice(0, 300),
			mediaGrade: l.mediaGrade,
			sleeveGrade: l.sleeveGrade,
			offerCents: l.offerCents,
			costBasisCents: l.offerCents + (bonusParts[i] ?? 0),
			priceCents: l.priceCents,
			taxClassId: l.taxClassId
		})),
		offerCents,
		payout:
			payout.kind === 'cash'
				? { kind: 'cash', amountCents: offerCents }
				: {
						kind: 'store_credit',
						amountCents: offerCents + bonusCents,
						bonusCents,
						voucherCode: checkVoucherCode(payout.voucherCode)
					}
	};
	const checked = tradeInRecordSchema.safeParse(record);
	assert(checked.success, `completeTradeIn builds a valid record: ${checked.error?.message}`);
	return record;
}

function checkVoucherCode(code: string): string {
	const trimmed = code.trim();
	if (trimmed === '' || trimmed.length > 64) {
		throw new DomainError(
			'invalid_input',
			`voucherCode must be 1 to 64 characters (got ${JSON.stringify(code)})`
		);
	}
	return trimmed;
}
