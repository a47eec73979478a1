import { describeError } from '$lib/errors.ts';
import {
	businessDayOf,
	zReport,
	type CashMoved,
	type CashMoveKind,
	type ReturnRecord,
	type SaleRecord,
	type ShiftOpened,
	type ZReport
} from '@deadwax/core';
import type { ShiftRow } from '@deadwax/sync/client';
import { nowIso } from '../format.ts';
import { uuidv7 } from '../ids.ts';
import type { RegisterApp } from './register.svelte.ts';

/**
 * The till drawer: open a shift with a float, log paid-ins, paid-outs and no-sale opens, and close
 * it by counting the cash against what the register expects, which freezes a Z report.
 */
export class ShiftState {
	readonly #app: RegisterApp;
	shift = $state.raw<ShiftRow | undefined>(undefined);
	moves = $state.raw<CashMoved[]>([]);
	report = $state.raw<ZReport | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	/** What the drawer should hold now; kept current by refresh(). */
	expectedCents = $state(0);

	constructor(app: RegisterApp) {
		this.#app = app;
	}

	async refresh(): Promise<void> {
		try {
			const db = this.#app.db;
			this.shift = (await db.shifts.filter((s) => s.closed === null).first()) ?? undefined;
			this.moves =
				this.shift === undefined
					? []
					: await db.cashMoves.where('shiftId').equals(this.shift.shiftId).toArray();
			if (this.shift !== undefined) {
				this.expectedCents = (await this.#report(this.shift, nowIso(), 0)).expectedCashCents;
			}
		} catch (error) {
			this.#app.report(error);
		}
	}

	#day(at: string): string {
		const catalog = this.#app.catalog;
		if (catalog === undefined) throw new Error('the catalog is not loaded yet');
		return businessDayOf(at, catalog.shop.timeZone);
	}

	async open(floatCents: number): Promise<boolean> {
		const catalog = this.#app.catalog;
		const clerk = this.#app.clerk;
		if (catalog === undefined || clerk === undefined) return false;
		const openedAt = nowIso();
		try {
			const shift: ShiftOpened = {
				shiftId: uuidv7(),
				clerkId: clerk.id,
				currency: catalog.shop.currency,
				businessDay: this.#day(openedAt),
				openedAt,
				floatCents
			};
			await this.#app.store.recordShiftOpened(shift);
			this.report = undefined;
			this.problem = undefined;
			await this.refresh();
			return true;
		} catch (error) {
			this.problem = message(error);
			return false;
		}
	}

	async move(kind: CashMoveKind, amountCents: number, reason: string): Promise<boolean> {
		const shift = this.shift;
		const clerk = this.#app.clerk;
		if (shift === undefined || clerk === undefined) {
			this.problem = 'Open a shift first.';
			return false;
		}
		const at = nowIso();
		try {
			await this.#app.store.recordCashMoved({
				moveId: uuidv7(),
				shiftId: shift.shiftId,
				clerkId: clerk.id,
				currency: shift.currency,
				businessDay: this.#day(at),
				at,
				kind,
				amountCents: kind === 'no_sale' ? 0 : amountCents,
				reason: reason.trim() || (kind === 'no_sale' ? 'no sale' : '')
			});
			this.problem = undefined;
			await this.refresh();
			return true;
		} catch (error) {
			this.problem = message(error);
			return false;
		}
	}

	async #report(shift: ShiftOpened, closedAt: string, countedCashCents: number): Promise<ZReport> {
		const db = this.#app.db;
		const inShift = (at: string) => at >= shift.openedAt && at <= closedAt;
		const sales = (await db.sales.toArray()).filter(
			(s) => s.origin === 'local' && inShift(s.completedAt)
		) as SaleRecord[];
		const returns = (await db.returns.toArray()).filter(
			(r) => r.origin === 'local' && inShift(r.completedAt)
		) as ReturnRecord[];
		const tradeIns = (await db.tradeIns.toArray()).filter(
			(t) => t.origin === 'local' && inShift(t.completedAt)
		);
		const cashMoves = await db.cashMoves.where('shiftId').equals(shift.shiftId).toArray();
		return zReport({ shift, closedAt, countedCashCents, sales, returns, tradeIns, cashMoves });
	}

	/** Counts the drawer, freezes the Z report and closes the shift. */
	async close(countedCashCents: number): Promise<boolean> {
		const shift = this.shift;
		const clerk = this.#app.clerk;
		if (shift === undefined || clerk === undefined) return false;
		const closedAt = nowIso();
		try {
			const report = await this.#report(shift, closedAt, countedCashCents);
			await this.#app.store.recordShiftClosed({
				shiftId: shift.shiftId,
				clerkId: clerk.id,
				currency: shift.currency,
				businessDay: shift.businessDay,
				closedAt,
				expectedCashCents: report.expectedCashCents,
				countedCashCents,
				differenceCents: report.differenceCents,
				report: { ...report }
			});
			this.report = report;
			this.problem = undefined;
			await this.refresh();
			return true;
		} catch (error) {
			this.problem = message(error);
			return false;
		}
	}
}

function message(error: unknown): string {
	return describeError(error);
}
