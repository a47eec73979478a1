import { api } from '$lib/api.ts';
import { attempt } from './attempt.ts';

type Staff = Awaited<ReturnType<typeof api.office.staff.list.query>>[number];
type Device = Awaited<ReturnType<typeof api.devices.list.query>>[number];
type Audit = Awaited<ReturnType<typeof api.office.audit.list.query>>[number];
type PairingCode = Awaited<ReturnType<typeof api.devices.createPairingCode.mutate>>;
type StaffUpdate = Omit<Parameters<typeof api.office.staff.update.mutate>[0], 'staffId'>;

/** Staff with roles and PINs, paired devices, and the audit log. */
export class StaffAndDevices {
	staff = $state.raw<Staff[]>([]);
	devices = $state.raw<Device[]>([]);
	audit = $state.raw<Audit[]>([]);
	auditFilter = $state('');
	pairing = $state.raw<PairingCode | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	saved = $state<string | undefined>(undefined);

	#report = (problem: string): void => {
		this.problem = problem;
		this.saved = undefined;
	};

	async load(): Promise<void> {
		this.problem = undefined;
		const [staff, devices] = await Promise.all([
			attempt(() => api.office.staff.list.query(), this.#report),
			attempt(() => api.devices.list.query({}), this.#report)
		]);
		if (staff !== undefined) this.staff = staff;
		if (devices !== undefined) this.devices = devices;
		await this.loadAudit();
	}

	async loadAudit(before?: string): Promise<void> {
		const entries = await attempt(
			() =>
				api.office.audit.list.query({
					limit: 50,
					...(this.auditFilter === '' ? {} : { action: this.auditFilter }),
					...(before === undefined ? {} : { before })
				}),
			this.#report
		);
		if (entries !== undefined)
			this.audit = before === undefined ? entries : [...this.audit, ...entries];
	}

	async add(input: {
		name: string;
		role: 'clerk' | 'manager' | 'owner';
		pin: string;
	}): Promise<boolean> {
		this.problem = undefined;
		const created = await attempt(() => api.office.staff.create.mutate(input), this.#report);
		if (created === undefined) return false;
		this.saved = `Added ${created.name} as ${created.role}.`;
		await this.load();
		return true;
	}

	async update(staffId: string, change: StaffUpdate): Promise<boolean> {
		this.problem = undefined;
		const updated = await attempt(
			() => api.office.staff.update.mutate({ staffId, ...change }),
			this.#report
		);
		if (updated === undefined) return false;
		this.saved = `Saved ${updated.name}.`;
		await this.load();
		return true;
	}

	async pair(): Promise<void> {
		this.problem = undefined;
		const code = await attempt(() => api.devices.createPairingCode.mutate({}), this.#report);
		if (code !== undefined) this.pairing = code;
	}

	async revoke(deviceId: string): Promise<void> {
		this.problem = undefined;
		const done = await attempt(() => api.devices.revoke.mutate({ deviceId }), this.#report);
		if (done !== undefined) {
			this.saved = 'Device revoked: it can no longer sync. Its unsynced sales stay on it.';
			await this.load();
		}
	}
}
