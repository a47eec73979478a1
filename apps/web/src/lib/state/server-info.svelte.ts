import { api, type SystemInfo } from '$lib/api.ts';
import { describeError } from '$lib/errors.ts';

/** What the office shows about the shop server. Needs the network; says so plainly when it fails. */
export class ServerInfo {
	#fetchInfo: () => Promise<SystemInfo>;

	status = $state<'loading' | 'ready' | 'failed'>('loading');
	info = $state<SystemInfo | undefined>(undefined);
	problem = $state<string | undefined>(undefined);

	constructor(fetchInfo: () => Promise<SystemInfo> = () => api.system.info.query()) {
		this.#fetchInfo = fetchInfo;
	}

	async load(): Promise<void> {
		this.status = 'loading';
		try {
			this.info = await this.#fetchInfo();
			this.problem = undefined;
			this.status = 'ready';
		} catch (error) {
			this.problem = describeError(error);
			this.status = 'failed';
		}
	}
}
