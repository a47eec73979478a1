import { api } from '$lib/api.ts';
import { attempt } from './attempt.ts';

export type ReleaseView = Awaited<ReturnType<typeof api.office.catalog.release.query>>['release'];
export type ItemView = Awaited<
	ReturnType<typeof api.office.catalog.release.query>
>['items'][number];
export type ReleaseFields = Parameters<typeof api.office.catalog.createRelease.mutate>[0]['fields'];
export type ItemFields = Parameters<typeof api.office.catalog.createItem.mutate>[0]['fields'];
type Movement = Awaited<ReturnType<typeof api.office.stock.movements.query>>[number];

/** The catalog list: releases found by a search. */
export class CatalogSearch {
	search = $state('');
	releases = $state.raw<ReleaseView[]>([]);
	total = $state(0);
	items = $state.raw<ItemView[]>([]);
	itemTotal = $state(0);
	problem = $state<string | undefined>(undefined);
	isLoading = $state(false);

	async run(): Promise<void> {
		this.isLoading = true;
		this.problem = undefined;
		try {
			const [releases, items] = await Promise.all([
				attempt(
					() => api.office.catalog.releases.query({ search: this.search, limit: 50 }),
					(p) => (this.problem = p)
				),
				attempt(
					() => api.office.catalog.items.query({ search: this.search, kind: 'used', limit: 50 }),
					(p) => (this.problem = p)
				)
			]);
			if (releases !== undefined) {
				this.releases = releases.releases;
				this.total = releases.total;
			}
			if (items !== undefined) {
				this.items = items.items;
				this.itemTotal = items.total;
			}
		} finally {
			this.isLoading = false;
		}
	}

	async create(fields: ReleaseFields): Promise<ReleaseView | undefined> {
		this.problem = undefined;
		return attempt(
			() => api.office.catalog.createRelease.mutate({ fields }),
			(p) => (this.problem = p)
		);
	}
}

/**
 * One release and its items, with edits that send the version they were based on: a stale edit
 * comes back refused, saying what changed, and the form keeps what the manager typed.
 */
export class ReleaseDetail {
	release = $state.raw<ReleaseView | undefined>(undefined);
	items = $state.raw<ItemView[]>([]);
	problem = $state<string | undefined>(undefined);
	/** The refusal of a stale edit, shown beside the form until reloaded. */
	conflict = $state<string | undefined>(undefined);
	saved = $state<string | undefined>(undefined);
	movements = $state.raw<{ itemId: string; rows: Movement[] } | undefined>(undefined);
	readonly releaseId: string;

	constructor(releaseId: string) {
		this.releaseId = releaseId;
	}

	async load(): Promise<void> {
		const detail = await attempt(
			() => api.office.catalog.release.query({ releaseId: this.releaseId }),
			(p) => (this.problem = p)
		);
		if (detail === undefined) return;
		this.release = detail.release;
		this.items = detail.items;
		this.conflict = undefined;
	}

	#report(problem: string, isConflict: boolean): void {
		if (isConflict) this.conflict = problem;
		else this.problem = problem;
	}

	async saveRelease(fields: ReleaseFields): Promise<boolean> {
		const release = this.release;
		if (release === undefined) return false;
		this.problem = undefined;
		this.saved = undefined;
		const saved = await attempt(
			() =>
				api.office.catalog.updateRelease.mutate({
					releaseId: release.id,
					version: release.version,
					fields
				}),
			(p) => this.#report(p, p.includes('Nothing was saved'))
		);
		if (saved === undefined) return false;
		this.release = saved;
		this.saved = 'Release saved.';
		return true;
	}

	async saveItem(item: ItemView, fields: ItemFields): Promise<boolean> {
		this.problem = undefined;
		this.saved = undefined;
		const saved = await attempt(
			() =>
				api.office.catalog.updateItem.mutate({ itemId: item.id, version: item.version, fields }),
			(p) => this.#report(p, p.includes('Nothing was saved'))
		);
		if (saved === undefined) return false;
		this.items = this.items.map((i) => (i.id === saved.id ? saved : i));
		this.saved = `Saved ${saved.sku ?? saved.description}.`;
		return true;
	}

	async addItem(fields: ItemFields, quantity: number | undefined): Promise<ItemView | undefined> {
		this.problem = undefined;
		const created = await attempt(
			() =>
				api.office.catalog.createItem.mutate({
					fields,
					...(quantity === undefined ? {} : { quantity })
				}),
			(p) => (this.problem = p)
		);
		if (created !== undefined) {
			this.items = [...this.items, created];
			this.saved =
				created.sku === null ? `Added ${created.description}.` : `Added copy ${created.sku}.`;
		}
		return created;
	}

	async showMovements(itemId: string): Promise<void> {
		const rows = await attempt(
			() => api.office.stock.movements.query({ itemId, limit: 100 }),
			(p) => (this.problem = p)
		);
		if (rows !== undefined) this.movements = { itemId, rows };
	}
}
