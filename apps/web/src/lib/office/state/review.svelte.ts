import { api } from '$lib/api.ts';
import { attempt } from './attempt.ts';

type Flag = Awaited<ReturnType<typeof api.office.review.list.query>>[number];
type Resolution = Parameters<typeof api.office.review.resolve.mutate>[0]['resolution'];

/** The review queue: what the sync flagged, and resolving it. */
export class OfficeReview {
	openCount = $state(0);
	flags = $state.raw<Flag[]>([]);
	isShowingResolved = $state(false);
	problem = $state<string | undefined>(undefined);
	busyId = $state<string | undefined>(undefined);

	async refreshCount(): Promise<void> {
		const count = await attempt(
			() => api.office.review.openCount.query(),
			(p) => (this.problem = p)
		);
		if (count !== undefined) this.openCount = count;
	}

	async load(): Promise<void> {
		this.problem = undefined;
		const flags = await attempt(
			() => api.office.review.list.query({ isResolved: this.isShowingResolved, limit: 200 }),
			(p) => (this.problem = p)
		);
		if (flags !== undefined) this.flags = flags;
		await this.refreshCount();
	}

	async resolve(flagId: string, resolution: Resolution): Promise<boolean> {
		this.busyId = flagId;
		this.problem = undefined;
		try {
			const resolved = await attempt(
				() => api.office.review.resolve.mutate({ flagId, resolution }),
				(p) => (this.problem = p)
			);
			if (resolved === undefined) return false;
			await this.load();
			return true;
		} finally {
			this.busyId = undefined;
		}
	}
}

export const officeReview = new OfficeReview();
