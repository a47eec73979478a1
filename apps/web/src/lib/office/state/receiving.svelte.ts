import { api } from '$lib/api.ts';
import { uuidv7 } from '$lib/register/ids.ts';
import { describeOfficeError, isUnreachable } from '../errors.ts';
import { attempt } from './attempt.ts';
import { officeDevice } from './device.svelte.ts';
import { resolveScan, type ScannedItem, type ScanResult } from './scan.ts';
import { officeSession } from './session.svelte.ts';

type StockDocument = Awaited<ReturnType<typeof api.office.stock.receive.mutate>>;

export interface ReceiveLine {
	item: ScannedItem;
	quantity: number;
	/** Text as typed; parsed when posting. */
	cost: string;
}

/**
 * A distributor's delivery being received: scan or type each title, set quantities and costs,
 * post it as one stock document. Online it goes straight to the server; offline (or when the
 * server drops out) it is queued in this tablet's outbox and pushed later.
 */
export class Receiving {
	supplier = $state('');
	reference = $state('');
	lines = $state<ReceiveLine[]>([]);
	choice = $state.raw<(ScanResult & { kind: 'choose' }) | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	notice = $state<string | undefined>(undefined);
	posted = $state.raw<StockDocument | undefined>(undefined);
	isPosting = $state(false);
	/** Made when the delivery starts, so a retried post records it once. */
	documentId = $state(uuidv7());

	get units(): number {
		return this.lines.reduce((sum, l) => sum + l.quantity, 0);
	}

	async scan(code: string): Promise<void> {
		this.problem = undefined;
		this.notice = undefined;
		if (code.trim() === '') return;
		try {
			const result = await resolveScan(code, {
				isOffline: officeSession.me?.isOffline === true,
				accept: (i) => i.labelId === null && i.kind === 'new'
			});
			if (result.kind === 'item') this.add(result.item);
			else if (result.kind === 'choose') this.choice = result;
			else
				this.problem = `${result.code} is not in the catalog. Add the release and its stock item first.`;
		} catch (error) {
			this.problem = describeOfficeError(error);
		}
	}

	add(item: ScannedItem): void {
		this.choice = undefined;
		if (item.labelId !== null) {
			this.problem = `${item.description} is consignment stock: take it in under Consignment.`;
			return;
		}
		const line = this.lines.find((l) => l.item.itemId === item.itemId);
		if (line !== undefined) line.quantity++;
		else this.lines.push({ item, quantity: 1, cost: '' });
	}

	remove(itemId: string): void {
		this.lines = this.lines.filter((l) => l.item.itemId !== itemId);
	}

	async post(parseCost: (text: string) => number | null): Promise<void> {
		this.problem = undefined;
		this.notice = undefined;
		const me = officeSession.me;
		if (me === undefined || me === null) return;
		let payloadLines: { itemId: string; quantity: number; costCents: number | null }[];
		try {
			payloadLines = this.lines.map((l) => ({
				itemId: l.item.itemId,
				quantity: l.quantity,
				costCents: parseCost(l.cost)
			}));
		} catch (error) {
			this.problem = describeOfficeError(error);
			return;
		}
		const receipt = {
			documentId: this.documentId,
			supplier: this.supplier,
			reference: this.reference.trim() === '' ? null : this.reference,
			lines: payloadLines
		};
		this.isPosting = true;
		try {
			if (!me.isOffline) {
				try {
					this.posted = await api.office.stock.receive.mutate(receipt);
					this.#reset();
					return;
				} catch (error) {
					if (!isUnreachable(error) || !officeDevice.isAvailable) {
						await attempt(
							() => Promise.reject(error as Error),
							(p) => (this.problem = p)
						);
						return;
					}
				}
			}
			await officeDevice.queueReceive({ ...receipt, by: me.staffId });
			this.notice = `Saved on this tablet: ${this.units} copies from ${this.supplier}. They go to the server when the connection is back.`;
			this.#reset();
		} catch (error) {
			this.problem = describeOfficeError(error);
		} finally {
			this.isPosting = false;
		}
	}

	#reset(): void {
		this.lines = [];
		this.reference = '';
		this.documentId = uuidv7();
	}
}
