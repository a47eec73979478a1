import { api } from '$lib/api.ts';
import { uuidv7 } from '$lib/register/ids.ts';
import { describeOfficeError } from '../errors.ts';
import { attempt } from './attempt.ts';
import { resolveScan, type ScannedItem, type ScanResult } from './scan.ts';

type StockDocument = Awaited<ReturnType<typeof api.office.stock.consignIn.mutate>>;

export interface ConsignLine {
	item: ScannedItem;
	quantity: number;
}

/**
 * A label's consignment: take in a delivery under its agreement, scanning or typing each copy, or
 * send unsold copies back. Both post one stock document; the server checks the agreement and,
 * for returns, that the copies are on hand.
 */
export class Consignment {
	mode = $state<'intake' | 'return'>('intake');
	labelId = $state('');
	reference = $state('');
	reason = $state('Unsold');
	lines = $state<ConsignLine[]>([]);
	/** The label's copies on hand, offered for a return. */
	onHand = $state.raw<ScannedItem[]>([]);
	choice = $state.raw<(ScanResult & { kind: 'choose' }) | undefined>(undefined);
	/** A scanned release with no item of this label yet: offer to create one. */
	missing = $state.raw<{ releaseId: string; title: string } | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	posted = $state.raw<StockDocument | undefined>(undefined);
	isPosting = $state(false);
	documentId = $state(uuidv7());

	get units(): number {
		return this.lines.reduce((sum, l) => sum + l.quantity, 0);
	}

	async chooseLabel(labelId: string): Promise<void> {
		this.labelId = labelId;
		this.lines = [];
		this.posted = undefined;
		await this.loadOnHand();
	}

	async loadOnHand(): Promise<void> {
		if (this.labelId === '') return;
		const found = await attempt(
			() => api.office.catalog.items.query({ labelId: this.labelId, isInStock: true, limit: 500 }),
			(p) => (this.problem = p)
		);
		this.onHand = (found?.items ?? []).map((i) => ({
			itemId: i.id,
			description: i.description,
			kind: i.kind,
			labelId: i.labelId,
			bin: i.bin,
			onHand: i.onHand,
			sku: i.sku,
			priceCents: i.priceCents
		}));
	}

	async scan(code: string): Promise<void> {
		this.problem = undefined;
		this.missing = undefined;
		if (code.trim() === '' || this.labelId === '') return;
		try {
			const result = await resolveScan(code, {
				isOffline: false,
				accept: (i) => i.labelId === this.labelId
			});
			if (result.kind === 'item') this.add(result.item);
			else if (result.kind === 'choose') {
				if (result.items.length === 0 && result.releaseId !== null)
					this.missing = { releaseId: result.releaseId, title: result.title };
				else this.choice = result;
			} else this.problem = `${result.code} is not in the catalog. Add the release first.`;
		} catch (error) {
			this.problem = describeOfficeError(error);
		}
	}

	add(item: ScannedItem, quantity = 1): void {
		this.choice = undefined;
		if (item.labelId !== this.labelId) {
			this.problem = `${item.description} is not this label's stock.`;
			return;
		}
		const line = this.lines.find((l) => l.item.itemId === item.itemId);
		if (line !== undefined) line.quantity += quantity;
		else this.lines.push({ item, quantity });
	}

	/** Creates the label's stock item for a scanned release, at the shop's price, and adds it. */
	async createItem(priceCents: number, taxClassId: string): Promise<void> {
		const missing = this.missing;
		if (missing === undefined) return;
		const created = await attempt(
			() =>
				api.office.catalog.createItem.mutate({
					fields: {
						releaseId: missing.releaseId,
						title: null,
						kind: 'new',
						priceCents,
						costCents: null,
						taxClassId,
						mediaGrade: null,
						sleeveGrade: null,
						bin: null,
						genre: null,
						labelId: this.labelId,
						notes: null,
						status: 'active'
					},
					quantity: 0
				}),
			(p) => (this.problem = p)
		);
		if (created === undefined) return;
		this.missing = undefined;
		this.add({
			itemId: created.id,
			description: created.description,
			kind: created.kind,
			labelId: created.labelId,
			bin: created.bin,
			onHand: created.onHand,
			sku: created.sku,
			priceCents: created.priceCents
		});
	}

	remove(itemId: string): void {
		this.lines = this.lines.filter((l) => l.item.itemId !== itemId);
	}

	async post(): Promise<void> {
		this.problem = undefined;
		this.isPosting = true;
		const lines = this.lines.map((l) => ({ itemId: l.item.itemId, quantity: l.quantity }));
		try {
			const posted =
				this.mode === 'intake'
					? await attempt(
							() =>
								api.office.stock.consignIn.mutate({
									documentId: this.documentId,
									labelId: this.labelId,
									reference: this.reference.trim() === '' ? null : this.reference,
									lines
								}),
							(p) => (this.problem = p)
						)
					: await attempt(
							() =>
								api.office.stock.returnToLabel.mutate({
									documentId: this.documentId,
									labelId: this.labelId,
									reason: this.reason,
									lines
								}),
							(p) => (this.problem = p)
						);
			if (posted === undefined) return;
			this.posted = posted;
			this.lines = [];
			this.reference = '';
			this.documentId = uuidv7();
			await this.loadOnHand();
		} finally {
			this.isPosting = false;
		}
	}
}
