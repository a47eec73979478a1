import { api } from '$lib/api.ts';
import { money, type MoneySettings } from '../format.ts';
import { expandTags, shortTitle, type Tag } from '../tags.ts';
import { attempt } from './attempt.ts';

type ItemView = Awaited<ReturnType<typeof api.office.catalog.item.query>>;

export interface TagLine {
	item: ItemView;
	copies: number;
}

/** The tag an item gets: short title, price, grade or format, and its in-store or release EAN-13. */
export function tagOf(item: ItemView, settings: MoneySettings): Tag {
	const ean = item.sku ?? item.barcodes.find((b) => /^\d{13}$/.test(b)) ?? null;
	return {
		itemId: item.id,
		title: shortTitle(item.description),
		price: money(item.priceCents, settings),
		detail:
			item.kind === 'used'
				? `${item.mediaGrade ?? '?'} / ${item.sleeveGrade ?? '—'}`
				: (item.format ?? ''),
		barcode: ean
	};
}

/** What to print: items with a number of copies each, from a delivery or picked by hand. */
export class TagSheet {
	lines = $state<TagLine[]>([]);
	search = $state('');
	found = $state.raw<ItemView[]>([]);
	problem = $state<string | undefined>(undefined);

	async fromDocument(documentId: string): Promise<void> {
		const document = await attempt(
			() => api.office.stock.document.query({ documentId }),
			(p) => (this.problem = p)
		);
		if (document === undefined) return;
		for (const line of document.lines) {
			if (line.delta <= 0) continue;
			const item = await attempt(
				() => api.office.catalog.item.query({ itemId: line.itemId }),
				(p) => (this.problem = p)
			);
			if (item !== undefined) this.add(item, line.delta);
		}
	}

	async find(): Promise<void> {
		const found = await attempt(
			() => api.office.catalog.items.query({ search: this.search, limit: 30 }),
			(p) => (this.problem = p)
		);
		if (found !== undefined) this.found = found.items;
	}

	add(item: ItemView, copies = 1): void {
		const line = this.lines.find((l) => l.item.id === item.id);
		if (line !== undefined) line.copies += copies;
		else this.lines.push({ item, copies });
	}

	remove(itemId: string): void {
		this.lines = this.lines.filter((l) => l.item.id !== itemId);
	}

	tags(settings: MoneySettings): Tag[] {
		try {
			return expandTags(
				this.lines.map((l) => ({ tag: tagOf(l.item, settings), copies: l.copies }))
			);
		} catch (error) {
			this.problem = error instanceof Error ? error.message : String(error);
			return [];
		}
	}
}
