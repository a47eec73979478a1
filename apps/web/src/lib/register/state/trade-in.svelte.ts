import { describeError } from '$lib/errors.ts';
import {
	completeTradeIn,
	type MediaGrade,
	type SleeveGrade,
	type TradeInLineInput,
	type TradeInRecord
} from '@deadwax/core';
import { nowIso } from '../format.ts';
import { uuidv7 } from '../ids.ts';
import type { RegisterApp } from './register.svelte.ts';
import { voucherCodeFor } from './vouchers.ts';

/**
 * The buy counter: records a customer brings in, each graded with an offer, paid in cash or store
 * credit (with the shop's bonus). Each record becomes a used item, listed for price tags.
 */
export class TradeInState {
	readonly #app: RegisterApp;
	lines = $state.raw<TradeInLineInput[]>([]);
	problem = $state<string | undefined>(undefined);
	done = $state.raw<TradeInRecord | undefined>(undefined);
	/** Records bought on this register, newest first: what still needs a price tag. */
	bought = $state.raw<TradeInRecord[]>([]);

	constructor(app: RegisterApp) {
		this.#app = app;
	}

	get offerCents(): number {
		return this.lines.reduce((sum, l) => sum + l.offerCents, 0);
	}

	add(options: {
		description: string;
		releaseId: string | null;
		mediaGrade: MediaGrade;
		sleeveGrade: SleeveGrade;
		offerCents: number;
		priceCents: number | null;
	}): boolean {
		const catalog = this.#app.catalog;
		if (catalog === undefined) return false;
		const description = options.description.trim();
		if (description === '') {
			this.problem = 'Say what the record is (artist and title) before adding it.';
			return false;
		}
		if (!Number.isSafeInteger(options.offerCents) || options.offerCents < 0) {
			this.problem = 'Offer must be an amount of money of 0 or more.';
			return false;
		}
		const usedTax = catalog.shop.taxClasses[0];
		if (usedTax === undefined) return false;
		this.lines = [
			...this.lines,
			{
				lineId: uuidv7(),
				itemId: uuidv7(),
				releaseId: options.releaseId,
				description,
				mediaGrade: options.mediaGrade,
				sleeveGrade: options.sleeveGrade,
				offerCents: options.offerCents,
				priceCents: options.priceCents,
				taxClassId: usedTax.id
			}
		];
		this.problem = undefined;
		this.done = undefined;
		return true;
	}

	remove(lineId: string): void {
		this.lines = this.lines.filter((l) => l.lineId !== lineId);
	}

	/** Pays the customer and records the trade-in with its outbox op in one transaction. */
	async complete(payout: 'cash' | 'store_credit'): Promise<boolean> {
		const catalog = this.#app.catalog;
		const clerk = this.#app.clerk;
		if (catalog === undefined || clerk === undefined) return false;
		try {
			const receiptNo = await this.#app.store.nextReceiptNo();
			const record = completeTradeIn({
				tradeInId: uuidv7(),
				shop: catalog.shop,
				lines: this.lines,
				payout:
					payout === 'cash'
						? { kind: 'cash' }
						: {
								kind: 'store_credit',
								voucherCode: voucherCodeFor(receiptNo),
								creditBonusBp: catalog.tradeInCreditBonusBp
							},
				receiptNo,
				clerkId: clerk.id,
				completedAt: nowIso()
			});
			await this.#app.store.recordTradeIn(record);
			this.done = record;
			this.lines = [];
			this.problem = undefined;
			await this.loadBought();
			return true;
		} catch (error) {
			this.problem = describeError(error);
			return false;
		}
	}

	async loadBought(): Promise<void> {
		try {
			this.bought = await this.#app.db.tradeIns
				.orderBy('completedAt')
				.reverse()
				.filter((t) => t.origin === 'local')
				.limit(20)
				.toArray();
		} catch (error) {
			this.#app.report(error);
		}
	}
}
