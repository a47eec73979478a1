import type { CashMoveKind } from '@deadwax/core';

/* Row types of what migration 0005_register adds; conventions as in ../schema.ts. */

export interface TillShiftsTable {
	id: string;
	shop_id: string;
	device_id: string;
	opened_by: string;
	currency: string;
	business_day: string;
	opened_at: string;
	float_cents: number;
	closed_by: string | null;
	closed_at: string | null;
	expected_cash_cents: number | null;
	counted_cash_cents: number | null;
	difference_cents: number | null;
	z_report: string | null;
}

export interface CashMovesTable {
	id: string;
	shop_id: string;
	shift_id: string;
	device_id: string;
	clerk_id: string;
	kind: CashMoveKind;
	amount_cents: number;
	reason: string;
	business_day: string;
	at: string;
}

declare module '../schema.ts' {
	interface Schema {
		till_shifts: TillShiftsTable;
		cash_moves: CashMovesTable;
	}
}
