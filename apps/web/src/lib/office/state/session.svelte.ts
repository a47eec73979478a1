import { verifyPin } from '@deadwax/sync';
import { api } from '$lib/api.ts';
import { describeOfficeError, isUnreachable } from '../errors.ts';
import { officeDevice } from './device.svelte.ts';

export type OfficeRole = 'manager' | 'owner';

export interface OfficeMe {
	shopId: string;
	shopName: string;
	staffId: string;
	name: string;
	role: OfficeRole;
	/**
	 * Signed in on this tablet with no server: the PIN was checked against the synced staff list,
	 * and only receiving and stock counts work (they queue in the outbox).
	 */
	isOffline: boolean;
}

export interface SignInChoice {
	id: string;
	name: string;
	role: 'clerk' | 'manager' | 'owner';
}

/** Who is signed in to the office on this browser. The cookie itself is HttpOnly. */
export class OfficeSession {
	/** undefined while asking; null when nobody is signed in. */
	me = $state.raw<OfficeMe | null | undefined>(undefined);
	problem = $state<string | undefined>(undefined);
	isBusy = $state(false);
	/** The server could not be reached when the office opened. */
	isServerUnreachable = $state(false);
	shops = $state.raw<{ id: string; name: string }[]>([]);
	staff = $state.raw<SignInChoice[]>([]);
	shopId = $state<string | undefined>(undefined);

	async load(): Promise<void> {
		try {
			const me = await api.office.session.me.query();
			this.isServerUnreachable = false;
			this.me = me === null ? null : { ...me, isOffline: false };
			if (me === null) await this.loadChoices();
		} catch (error) {
			this.me = null;
			if (isUnreachable(error)) {
				this.isServerUnreachable = true;
				await this.loadOfflineChoices();
			} else {
				this.problem = describeOfficeError(error);
			}
		}
	}

	async loadChoices(shopId?: string): Promise<void> {
		try {
			this.shops = await api.office.session.shops.query();
			const chosen = shopId ?? (this.shops.length === 1 ? this.shops[0]?.id : undefined);
			this.shopId = chosen;
			this.staff =
				chosen === undefined
					? []
					: (await api.office.session.choices.query({ shopId: chosen })).staff;
		} catch (error) {
			this.problem = describeOfficeError(error);
		}
	}

	/** With no server, managers of the shop this tablet is paired with may still sign in. */
	async loadOfflineChoices(): Promise<void> {
		await officeDevice.open();
		const device = officeDevice.device;
		if (device === undefined) {
			this.problem =
				"Can't reach the shop server. Receiving and counts work offline only on a tablet paired as a register.";
			return;
		}
		this.shopId = device.shopId;
		this.shops = [{ id: device.shopId, name: officeDevice.shopName ?? device.shopId }];
		this.staff = officeDevice.managers.map((s) => ({ id: s.id, name: s.name, role: s.role }));
		this.problem = undefined;
	}

	async signIn(staffId: string, pin: string): Promise<boolean> {
		const shopId = this.shopId;
		if (shopId === undefined) return false;
		this.isBusy = true;
		this.problem = undefined;
		try {
			if (this.isServerUnreachable) return await this.#signInOffline(staffId, pin);
			const response = await fetch('/auth/office/sign-in', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ shopId, staffId, pin })
			});
			const body = (await response.json()) as { error?: string };
			if (!response.ok) {
				this.problem = body.error ?? `Sign-in failed (${response.status})`;
				return false;
			}
			await this.load();
			return this.me !== null;
		} catch (error) {
			if (isUnreachable(error)) {
				this.isServerUnreachable = true;
				await this.loadOfflineChoices();
				return this.#signInOffline(staffId, pin);
			}
			this.problem = describeOfficeError(error);
			return false;
		} finally {
			this.isBusy = false;
		}
	}

	async #signInOffline(staffId: string, pin: string): Promise<boolean> {
		const staff = officeDevice.managers.find((s) => s.id === staffId);
		if (staff === undefined || !(await verifyPin(pin, staff.pinHash))) {
			this.problem = 'Wrong PIN.';
			return false;
		}
		this.me = {
			shopId: this.shopId ?? '',
			shopName: officeDevice.shopName ?? '',
			staffId: staff.id,
			name: staff.name,
			role: staff.role === 'owner' ? 'owner' : 'manager',
			isOffline: true
		};
		return true;
	}

	async signOut(): Promise<void> {
		if (this.me?.isOffline !== true) {
			try {
				await fetch('/auth/office/sign-out', { method: 'POST' });
			} catch (error) {
				this.problem = describeOfficeError(error);
			}
		}
		this.me = null;
		await this.load();
	}

	/** A call found the session gone (expired, signed out elsewhere): back to the sign-in screen. */
	ended(): void {
		this.me = null;
		this.problem = 'Your office session has ended. Please sign in again.';
		void this.loadChoices(this.shopId);
	}
}

export const officeSession = new OfficeSession();
