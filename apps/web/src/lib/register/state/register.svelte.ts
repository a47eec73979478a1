import { verifyPin } from '@deadwax/sync';
import { DeadwaxDb, LocalStore, type DeviceIdentity } from '@deadwax/sync/client';
import { describeError } from '$lib/errors.ts';
import { pairDevice, RegisterSync } from '$lib/sync/register-sync.svelte.ts';
import {
	Catalog,
	type AgreementRow,
	type ItemRow,
	type LabelRow,
	type ReleaseRow,
	type ShopRow,
	type StaffRow,
	type TaxClassRow
} from '../catalog.ts';
import { createItemSearch, type ItemSearch } from '../item-search.ts';
import {
	afterFailure,
	afterSuccess,
	lockoutRemainingMs,
	NO_LOCKOUT,
	type LockoutState
} from '../pin-lockout.ts';

/** The register's IndexedDB (packages/sync's schema): catalog, sales, outbox, shifts. */
export const REGISTER_DB_NAME = 'deadwax-register';

/** Default minutes without a touch or key before the register locks itself. */
export const DEFAULT_IDLE_MINUTES = 5;

/** Keys this app keeps in the register database's meta table, beside the sync engine's own. */
export const META = {
	lockouts: 'register:lockouts',
	idleMinutes: 'register:idleMinutes',
	parked: 'register:parked'
} as const;

export type Phase = 'loading' | 'unpaired' | 'bootstrapping' | 'locked' | 'ready';

/** What `navigator.storage` says about keeping this register's data. */
export interface StorageState {
	/** null: the browser has no storage manager; unknown yet while undefined. */
	persisted: boolean | null | undefined;
	usageBytes: number | null;
	quotaBytes: number | null;
}

/**
 * The register as a whole: which phase it is in (pairing, first load, signed out, selling), who is
 * signed in, the local catalog, sync and storage. Every failure lands in `problem` as words for
 * the clerk; nothing is swallowed.
 */
export class RegisterApp {
	phase = $state<Phase>('loading');
	device = $state.raw<DeviceIdentity | undefined>(undefined);
	catalog = $state.raw<Catalog | undefined>(undefined);
	staff = $state.raw<StaffRow[]>([]);
	clerk = $state.raw<StaffRow | undefined>(undefined);
	progress = $state.raw<{ loaded: number; total: number } | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	idleMinutes = $state(DEFAULT_IDLE_MINUTES);
	storage = $state<StorageState>({ persisted: undefined, usageBytes: null, quotaBytes: null });
	/** The staff member whose PIN pad is showing, and why a PIN was refused. */
	signInProblem = $state<string | undefined>(undefined);
	lockouts = $state.raw<Record<string, LockoutState>>({});
	readonly sync = new RegisterSync();
	#db: DeadwaxDb | undefined;
	#store: LocalStore | undefined;
	#idleTimer: ReturnType<typeof setTimeout> | undefined;
	/** One search worker for the page's life; each catalog reload hands it the new items. */
	#search: ItemSearch | undefined;

	get store(): LocalStore {
		if (this.#store === undefined) throw new Error('the register database is not open yet');
		return this.#store;
	}

	get db(): DeadwaxDb {
		return this.store.db;
	}

	/** Shows an error in the banner, in the wording of $lib/errors.ts. */
	report(error: unknown): void {
		this.problem = describeError(error);
	}

	/** Opens the local database and decides the phase. Safe to call once per page load. */
	async open(): Promise<void> {
		if (this.#store !== undefined) return;
		try {
			this.#db = new DeadwaxDb(REGISTER_DB_NAME);
			this.#store = new LocalStore(this.#db);
			void this.#checkStorage();
			this.idleMinutes = Number(
				(await this.#db.meta.get(META.idleMinutes))?.value ?? DEFAULT_IDLE_MINUTES
			);
			this.lockouts = ((await this.#db.meta.get(META.lockouts))?.value ?? {}) as Record<
				string,
				LockoutState
			>;
			this.device = await this.#store.device();
			if (this.device === undefined) {
				this.phase = 'unpaired';
				return;
			}
			await this.loadCatalog();
			this.phase = 'locked';
			this.#startSync();
		} catch (error) {
			this.report(error);
			this.phase = this.device === undefined ? 'unpaired' : 'locked';
		}
	}

	/** Pairs this tablet with a code from the office, then loads the shop's data with a progress bar. */
	async pair(code: string, name: string): Promise<boolean> {
		this.problem = undefined;
		try {
			const paired = await pairDevice(code, name);
			const identity: DeviceIdentity = {
				deviceId: paired.deviceId,
				deviceCode: paired.deviceCode,
				shopId: paired.shopId,
				token: paired.token
			};
			await this.store.setDevice(identity);
			this.device = identity;
			this.phase = 'bootstrapping';
			this.progress = { loaded: 0, total: 0 };
			await this.sync.bootstrap(this.store, identity.token, (p) => (this.progress = p));
			await this.loadCatalog();
			this.phase = 'locked';
			this.#startSync();
			return true;
		} catch (error) {
			this.report(error);
			if (this.phase === 'bootstrapping') this.phase = 'locked';
			return false;
		}
	}

	#startSync(): void {
		const device = this.device;
		if (device === undefined) return;
		this.sync.start(this.store, device.token, () => {
			void this.loadCatalog().catch((error: unknown) => this.report(error));
		});
	}

	/** (Re)builds the in-memory catalog from Dexie; the search index is rebuilt in its worker. */
	async loadCatalog(): Promise<void> {
		const db = this.db;
		const [shops, taxClasses, staff, releases, items, labels, agreements, stock] =
			await Promise.all([
				db.shop.toArray(),
				db.taxClasses.toArray(),
				db.staff.toArray(),
				db.releases.toArray(),
				db.items.toArray(),
				db.labels.toArray(),
				db.agreements.toArray(),
				this.store.stockView()
			]);
		this.staff = (staff as unknown as StaffRow[]).filter((s) => s.isActive !== false);
		const shop = shops[0] as unknown as ShopRow | undefined;
		if (shop === undefined) {
			this.catalog = undefined;
			throw new Error(
				'this register has no shop settings yet; connect it to the shop server once to load them'
			);
		}
		this.#search ??= createItemSearch();
		this.catalog = new Catalog(
			{
				shop,
				taxClasses: taxClasses as unknown as TaxClassRow[],
				releases: releases as unknown as ReleaseRow[],
				items: items as unknown as ItemRow[],
				labels: labels as unknown as LabelRow[],
				agreements: agreements as unknown as AgreementRow[],
				stock
			},
			this.#search
		);
	}

	lockoutOf(staffId: string): LockoutState {
		return this.lockouts[staffId] ?? NO_LOCKOUT;
	}

	/**
	 * Checks a PIN against the synced hash, offline. Five wrong PINs lock that person out for
	 * 30 s, then 1 min, 2 min… Returns true and signs them in when it matches.
	 */
	async signIn(staffId: string, pin: string, nowMs = Date.now()): Promise<boolean> {
		const person = this.staff.find((s) => s.id === staffId);
		if (person === undefined) {
			this.signInProblem = 'Choose who you are first.';
			return false;
		}
		const left = lockoutRemainingMs(this.lockoutOf(staffId), nowMs);
		if (left > 0) {
			this.signInProblem = `Too many wrong PINs. ${person.name} can try again in ${Math.ceil(left / 1000)} seconds.`;
			return false;
		}
		const isMatch = await verifyPin(pin, person.pinHash);
		const next = isMatch ? afterSuccess() : afterFailure(this.lockoutOf(staffId), nowMs);
		await this.#saveLockout(staffId, next);
		if (!isMatch) {
			const locked = lockoutRemainingMs(next, nowMs);
			this.signInProblem =
				locked > 0
					? `Too many wrong PINs. ${person.name} can try again in ${Math.ceil(locked / 1000)} seconds.`
					: `That PIN is not right for ${person.name}.`;
			return false;
		}
		this.signInProblem = undefined;
		this.clerk = person;
		this.phase = 'ready';
		this.touch();
		return true;
	}

	/** True when `pin` is the PIN of an active manager or owner; the id of who approved, else null. */
	async approveByManager(staffId: string, pin: string): Promise<string | null> {
		const manager = this.staff.find(
			(s) => s.id === staffId && (s.role === 'manager' || s.role === 'owner')
		);
		if (manager === undefined) return null;
		if (lockoutRemainingMs(this.lockoutOf(staffId), Date.now()) > 0) return null;
		const isMatch = await verifyPin(pin, manager.pinHash);
		await this.#saveLockout(
			staffId,
			isMatch ? afterSuccess() : afterFailure(this.lockoutOf(staffId), Date.now())
		);
		return isMatch ? manager.id : null;
	}

	get managers(): StaffRow[] {
		return this.staff.filter((s) => s.role === 'manager' || s.role === 'owner');
	}

	async #saveLockout(staffId: string, state: LockoutState): Promise<void> {
		this.lockouts = { ...this.lockouts, [staffId]: state };
		await this.db.meta.put({ key: META.lockouts, value: $state.snapshot(this.lockouts) });
	}

	/** Locks the register: the next clerk signs in with their PIN. The sale on screen stays. */
	lock(): void {
		this.clerk = undefined;
		this.signInProblem = undefined;
		if (this.phase === 'ready') this.phase = 'locked';
		clearTimeout(this.#idleTimer);
	}

	/** Any touch or key while signed in: restart the idle countdown. */
	touch(): void {
		clearTimeout(this.#idleTimer);
		if (this.phase !== 'ready') return;
		this.#idleTimer = setTimeout(() => this.lock(), this.idleMinutes * 60_000);
	}

	async setIdleMinutes(minutes: number): Promise<boolean> {
		if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) {
			this.problem = `Auto-lock must be a whole number of minutes from 1 to 120 (got ${minutes}).`;
			return false;
		}
		try {
			await this.db.meta.put({ key: META.idleMinutes, value: minutes });
			this.idleMinutes = minutes;
			this.problem = undefined;
			this.touch();
			return true;
		} catch (error) {
			this.report(error);
			return false;
		}
	}

	/** Sales, returns and other ops not yet on the server. Sign-out and reset wait for them. */
	get hasUnsyncedWork(): boolean {
		return this.sync.status.pendingCount > 0;
	}

	/**
	 * Forgets this tablet's pairing (its token) but keeps its data; it must be paired again.
	 * Refused while unsynced work exists: it could never be sent.
	 */
	async signOutDevice(): Promise<boolean> {
		if (await this.#blockedByUnsynced('Sign-out')) return false;
		try {
			this.sync.stop();
			await this.db.meta.delete('device');
			this.device = undefined;
			this.clerk = undefined;
			this.phase = 'unpaired';
			return true;
		} catch (error) {
			this.report(error);
			return false;
		}
	}

	/** Deletes everything this tablet holds. Refused while unsynced work exists. */
	async resetDevice(): Promise<boolean> {
		if (await this.#blockedByUnsynced('Reset')) return false;
		try {
			this.sync.stop();
			this.db.close();
			await DeadwaxDb.delete(REGISTER_DB_NAME);
			this.#store = undefined;
			this.device = undefined;
			this.clerk = undefined;
			this.catalog = undefined;
			await this.open();
			return true;
		} catch (error) {
			this.report(error);
			return false;
		}
	}

	async #blockedByUnsynced(what: string): Promise<boolean> {
		const { pendingCount } = await this.store.outbox.stats();
		if (pendingCount === 0) return false;
		this.problem = `${what} is blocked: ${pendingCount} sale${pendingCount === 1 ? '' : 's'} or other changes are not on the shop server yet. Connect to the shop's network and wait for them to sync.`;
		return true;
	}

	/** Asks the browser to keep this register's data (never evicted under storage pressure). */
	async #checkStorage(): Promise<void> {
		const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
		if (manager === undefined || typeof manager.persist !== 'function') {
			this.storage = { persisted: null, usageBytes: null, quotaBytes: null };
			return;
		}
		try {
			const persisted = (await manager.persisted()) || (await manager.persist());
			const estimate = await manager.estimate();
			this.storage = {
				persisted,
				usageBytes: estimate.usage ?? null,
				quotaBytes: estimate.quota ?? null
			};
		} catch (error) {
			this.report(error);
		}
	}
}

export const registerApp = new RegisterApp();
