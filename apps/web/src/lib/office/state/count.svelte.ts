import { api } from '$lib/api.ts';
import { uuidv7 } from '$lib/register/ids.ts';
import { CountSheet, type CountLine } from '../count.ts';
import { describeOfficeError, isUnreachable } from '../errors.ts';
import { attempt } from './attempt.ts';
import { officeDevice } from './device.svelte.ts';
import { resolveScan } from './scan.ts';
import { officeSession } from './session.svelte.ts';

type StockDocument = Awaited<ReturnType<typeof api.office.stock.count.mutate>>;

/**
 * Counting one bin: load what should be there (and the feed seq it was read at), scan what is,
 * then post every counted figure with a reason. The server turns each into the difference against
 * the on-hand at that seq, so sales rung up meanwhile stay counted.
 */
export class StockCount {
	bin = $state('');
	reason = $state('Stock count');
	lines = $state.raw<CountLine[]>([]);
	isLoaded = $state(false);
	problem = $state<string | undefined>(undefined);
	notice = $state<string | undefined>(undefined);
	posted = $state.raw<StockDocument | undefined>(undefined);
	isPosting = $state(false);
	#sheet = new CountSheet([]);
	#cursor = 0;
	#documentId = uuidv7();

	get differences(): CountLine[] {
		return this.lines.filter((l) => l.countedQty !== l.expectedQty);
	}

	async load(bin: string): Promise<void> {
		this.problem = undefined;
		this.notice = undefined;
		this.posted = undefined;
		this.bin = bin.trim();
		if (this.bin === '') return;
		if (officeSession.me?.isOffline === true) {
			this.#cursor = await officeDevice.cursor();
			this.#sheet = new CountSheet(officeDevice.binItems(this.bin));
		} else {
			const contents = await attempt(
				() => api.office.stock.bin.query({ bin: this.bin }),
				(p) => (this.problem = p)
			);
			if (contents === undefined) return;
			this.#cursor = contents.cursor;
			this.#sheet = new CountSheet(
				contents.items.map((i) => ({ itemId: i.id, description: i.description, onHand: i.onHand }))
			);
		}
		this.#documentId = uuidv7();
		this.lines = this.#sheet.lines;
		this.isLoaded = true;
	}

	async scan(code: string): Promise<void> {
		this.problem = undefined;
		if (code.trim() === '') return;
		try {
			const result = await resolveScan(code, { isOffline: officeSession.me?.isOffline === true });
			if (result.kind === 'item') {
				this.#sheet.scan({
					itemId: result.item.itemId,
					description: result.item.description,
					onHand: result.item.onHand
				});
				this.lines = this.#sheet.lines;
			} else if (result.kind === 'choose') {
				this.problem = `${result.title} has several items; scan the copy's own SKU tag instead.`;
			} else {
				this.problem = `${result.code} is not in the catalog.`;
			}
		} catch (error) {
			this.problem = describeOfficeError(error);
		}
	}

	set(itemId: string, countedQty: number): void {
		try {
			this.#sheet.set(itemId, countedQty);
		} catch (error) {
			this.problem = error instanceof Error ? error.message : String(error);
		}
		this.lines = this.#sheet.lines;
	}

	async post(): Promise<void> {
		const me = officeSession.me;
		if (me === undefined || me === null || this.lines.length === 0) return;
		this.problem = undefined;
		this.isPosting = true;
		const count = {
			documentId: this.#documentId,
			bin: this.bin,
			reason: this.reason,
			cursor: this.#cursor,
			lines: this.lines.map((l) => ({ itemId: l.itemId, countedQty: l.countedQty }))
		};
		try {
			if (!me.isOffline) {
				try {
					this.posted = await api.office.stock.count.mutate(count);
					this.#done();
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
			await officeDevice.queueCount({ ...count, by: me.staffId });
			this.notice = `Count of ${this.bin} saved on this tablet (${this.differences.length} differences). It goes to the server when the connection is back.`;
			this.#done();
		} catch (error) {
			this.problem = describeOfficeError(error);
		} finally {
			this.isPosting = false;
		}
	}

	#done(): void {
		this.lines = [];
		this.isLoaded = false;
		this.#sheet = new CountSheet([]);
		this.#documentId = uuidv7();
	}
}
