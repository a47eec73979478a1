import { hashPin } from '@deadwax/sync';

/*
 * A register's IndexedDB as pairing and the first pull leave it, written straight into the
 * browser so the register specs run offline without a server round trip. Row shapes are the
 * change-feed snapshots (packages/db/src/snapshots.ts) as packages/sync stores them.
 */

export const REGISTER_DB = 'deadwax-register';

export const STAFF = {
	clerk: { id: 'staff-cleo', name: 'Cleo Clerk', role: 'clerk', pin: '1234' },
	manager: { id: 'staff-mika', name: 'Mika Manager', role: 'manager', pin: '1357' }
} as const;

export const ITEMS = {
	newLp: { id: 'item-new-lp', barcode: '5012345678900', priceCents: 2499, onHand: 5 },
	consigned: { id: 'item-consigned', barcode: '4006381333931', priceCents: 1800, onHand: 3 },
	usedA: { id: 'item-used-a', priceCents: 1200 },
	usedB: { id: 'item-used-b', priceCents: 900 }
} as const;

export type Rows = Record<string, Record<string, unknown>[]>;

/** PINs hashed like the server does, with few rounds so the specs stay quick. */
async function staffRows(): Promise<Record<string, unknown>[]> {
	return Promise.all(
		Object.values(STAFF).map(async (s) => ({
			id: s.id,
			name: s.name,
			role: s.role,
			pinHash: await hashPin(s.pin, { iterations: 1_000 }),
			isActive: true
		}))
	);
}

/** A small record shop: new, consigned and used stock, two staff, one device. */
export async function shopRows(options: { extraItems?: number } = {}): Promise<Rows> {
	const releases: Record<string, unknown>[] = [
		{
			id: 'rel-svek',
			artist: 'Svek',
			title: "Knockin' Boots",
			label: 'Svek',
			catno: 'SK026',
			format: '12"',
			year: 1997,
			genres: ['Techno'],
			barcodes: [ITEMS.newLp.barcode]
		},
		{
			id: 'rel-label',
			artist: 'Tiny Label Band',
			title: 'Pressed In Fifty',
			label: 'Tiny Label',
			catno: 'TL-001',
			format: 'LP',
			year: 2025,
			genres: ['Indie'],
			barcodes: [ITEMS.consigned.barcode]
		},
		{
			id: 'rel-sade',
			artist: 'Sade',
			title: 'Diamond Life',
			label: 'Epic',
			catno: 'EPC 26044',
			format: 'LP',
			year: 1984,
			genres: ['Soul'],
			barcodes: []
		}
	];
	const item = (o: Record<string, unknown>) => ({
		title: null,
		sku: null,
		mediaGrade: null,
		sleeveGrade: null,
		bin: null,
		genre: null,
		labelId: null,
		taxClassId: 'std',
		status: 'active',
		...o
	});
	const items: Record<string, unknown>[] = [
		item({
			id: ITEMS.newLp.id,
			releaseId: 'rel-svek',
			kind: 'new',
			priceCents: ITEMS.newLp.priceCents
		}),
		item({
			id: ITEMS.consigned.id,
			releaseId: 'rel-label',
			kind: 'new',
			priceCents: ITEMS.consigned.priceCents,
			labelId: 'label-tiny'
		}),
		item({
			id: ITEMS.usedA.id,
			releaseId: 'rel-sade',
			kind: 'used',
			priceCents: ITEMS.usedA.priceCents,
			mediaGrade: 'VG+',
			sleeveGrade: 'VG',
			bin: 'A1',
			genre: 'Soul'
		}),
		item({
			id: ITEMS.usedB.id,
			releaseId: 'rel-svek',
			kind: 'used',
			priceCents: ITEMS.usedB.priceCents,
			mediaGrade: 'G+',
			sleeveGrade: 'Generic',
			bin: 'B2',
			genre: 'Techno'
		})
	];
	const stock: { itemId: string; onHand: number; seq: number }[] = [
		{ itemId: ITEMS.newLp.id, onHand: ITEMS.newLp.onHand, seq: 1 },
		{ itemId: ITEMS.consigned.id, onHand: ITEMS.consigned.onHand, seq: 1 },
		{ itemId: ITEMS.usedA.id, onHand: 1, seq: 1 },
		{ itemId: ITEMS.usedB.id, onHand: 1, seq: 1 }
	];
	const words = [
		'Black',
		'Velvet',
		'Moon',
		'River',
		'Static',
		'Echo',
		'Golden',
		'Night',
		'Paper',
		'Glass'
	];
	for (let i = 0; i < (options.extraItems ?? 0); i++) {
		const w = (n: number) => words[(i * 7 + n * 3 + Math.floor(i / (n + 3))) % words.length];
		const id = `bulk-${i}`;
		releases.push({
			id: `rel-${id}`,
			artist: `${w(1)} ${w(2)} ${i % 997}`,
			title: `${w(3)} ${w(4)} ${i}`,
			label: `${w(5)} Records`,
			catno: `BLK-${i}`,
			format: 'LP',
			year: 1970 + (i % 50),
			genres: ['Rock'],
			barcodes: [`20${String(i).padStart(10, '0')}`]
		});
		items.push(item({ id, releaseId: `rel-${id}`, kind: 'new', priceCents: 1000 + (i % 3000) }));
		stock.push({ itemId: id, onHand: 2, seq: 1 });
	}
	return {
		meta: [
			{
				key: 'device',
				value: {
					deviceId: 'device-e2e',
					deviceCode: 'T1',
					shopId: 'shop-e2e',
					token: 'not-a-real-token'
				}
			}
		],
		shop: [
			{
				id: 'shop-e2e',
				shopId: 'shop-e2e',
				name: 'Spin Cycle Records',
				currency: 'EUR',
				locale: 'en-IE',
				timeZone: 'Europe/Berlin',
				taxMode: 'inclusive',
				taxRounding: 'line',
				cashRoundingIncrementCents: 1,
				tradeInCreditBonusBp: 2500
			}
		],
		taxClasses: [{ id: 'std', name: 'Standard (19 %)', ratePpm: 190000, isActive: true }],
		staff: await staffRows(),
		releases,
		items,
		labels: [{ id: 'label-tiny', name: 'Tiny Label' }],
		agreements: [
			{
				id: 'ag-tiny',
				agreementId: 'ag-tiny',
				labelId: 'label-tiny',
				defaultRule: { kind: 'percent', percentBp: 6000 },
				overrides: {},
				isActive: true
			}
		],
		stockLevels: stock
	};
}

/** An unsynced sale op made `ageMs` ago, as the outbox holds it. */
export function oldPendingOp(ageMs: number): Record<string, unknown> {
	const opId = '0190a000-0000-7000-8000-000000000001';
	return {
		opId,
		deviceSeq: 1,
		state: 'pending',
		stockDeltas: [],
		itemIds: [],
		op: {
			opId,
			deviceId: 'device-e2e',
			deviceSeq: 1,
			deviceTime: new Date(Date.now() - ageMs).toISOString(),
			kind: 'sale.completed',
			payload: {}
		}
	};
}
