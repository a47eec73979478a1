import type { DeviceSettings } from '$lib/storage/index.ts';
import { describeError } from '$lib/errors.ts';
import { checkRegisterName } from './register-name.ts';

/** This tablet as a register: its name, read from and written to IndexedDB, never the network. */
export class RegisterDevice {
	#settings: DeviceSettings;

	name = $state<string | undefined>(undefined);
	isLoaded = $state(false);
	/** What went wrong with the last read or write, in words for the clerk. Never swallowed. */
	problem = $state<string | undefined>(undefined);

	constructor(settings: DeviceSettings) {
		this.#settings = settings;
	}

	async load(): Promise<void> {
		try {
			this.name = await this.#settings.get('registerName');
			this.problem = undefined;
		} catch (error) {
			this.problem = describeError(error);
		} finally {
			this.isLoaded = true;
		}
	}

	/** Saves a new name. Returns false, with `problem` set, when the name or the write is refused. */
	async rename(input: string): Promise<boolean> {
		const checked = checkRegisterName(input);
		if (!checked.ok) {
			this.problem = checked.message;
			return false;
		}
		try {
			await this.#settings.set('registerName', checked.name);
		} catch (error) {
			this.problem = describeError(error);
			return false;
		}
		this.name = checked.name;
		this.problem = undefined;
		return true;
	}
}

/** The performance mark set once the register has read its settings and can be used. */
export const REGISTER_READY_MARK = 'deadwax:register-ready';
