import { verifyPin } from '@deadwax/sync';
import { expect, test } from 'vitest';
import { forEachStore } from '../testing/index.ts';
import { seedOfficeShop } from './fixtures.ts';

forEachStore('office staff and sign-in', (store) => {
	const db = () => store().database.db;

	test('adds a clerk with a PIN whose hash reaches the tablets through the feed', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'sf-add' });
		const clerk = await f.stores.staff.create({
			actor: f.manager,
			name: ' Robin ',
			role: 'clerk',
			pin: '4321'
		});
		expect(clerk).toMatchObject({ name: 'Robin', role: 'clerk', isActive: true, isLocked: false });
		const change = await db()
			.selectFrom('changes')
			.select('data')
			.where('shop_id', '=', f.shopId)
			.where('entity', '=', 'staff')
			.where('entity_id', '=', clerk.id)
			.executeTakeFirstOrThrow();
		const snapshot = JSON.parse(change.data!) as { pinHash: string; role: string };
		expect(snapshot.role).toBe('clerk');
		expect(await verifyPin('4321', snapshot.pinHash)).toBe(true);
		expect(await verifyPin('1234', snapshot.pinHash)).toBe(false);
	});

	test('lets only an owner add or promote managers, and keeps the last owner', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'sf-roles' });
		await expect(
			f.stores.staff.create({ actor: f.manager, name: 'Max', role: 'manager', pin: '5555' })
		).rejects.toMatchObject({
			code: 'manager_required',
			message: 'only an owner may add a manager'
		});
		await expect(
			f.stores.staff.update({ actor: f.manager, staffId: f.clerkId, role: 'owner' })
		).rejects.toThrow('only an owner may change a owner');
		const promoted = await f.stores.staff.update({
			actor: f.owner,
			staffId: f.clerkId,
			role: 'manager'
		});
		expect(promoted.role).toBe('manager');
		await expect(
			f.stores.staff.update({ actor: f.owner, staffId: f.owner.staffId, isActive: false })
		).rejects.toThrow('Ola Owner is the only active owner; make someone else owner first');
		await expect(
			f.stores.staff.create({ actor: f.owner, name: 'Pat', role: 'clerk', pin: '12' })
		).rejects.toThrow('PIN must be 4 to 8 digits');
	});

	test('signs a manager in with the PIN and refuses clerks and wrong PINs, pausing after five', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'sf-signin' });
		const signedIn = await f.stores.auth.signIn({
			shopId: f.shopId,
			staffId: f.manager.staffId,
			pin: f.pin
		});
		expect(signedIn.session).toMatchObject({
			shopId: f.shopId,
			staffId: f.manager.staffId,
			name: 'Mika Manager',
			role: 'manager'
		});
		expect(await f.stores.auth.resolve(signedIn.token)).toMatchObject({
			staffId: f.manager.staffId
		});
		await expect(
			f.stores.auth.signIn({ shopId: f.shopId, staffId: f.clerkId, pin: f.pin })
		).rejects.toMatchObject({
			code: 'manager_required',
			message: 'Cleo Clerk is a clerk; the office needs a manager or owner'
		});
		for (let tries = 4; tries >= 1; tries--) {
			await expect(
				f.stores.auth.signIn({ shopId: f.shopId, staffId: f.owner.staffId, pin: '0000' })
			).rejects.toThrow(`Wrong PIN for Ola Owner (${tries} tries left)`);
		}
		await expect(
			f.stores.auth.signIn({ shopId: f.shopId, staffId: f.owner.staffId, pin: '0000' })
		).rejects.toThrow('Wrong PIN 5 times; sign-in for Ola Owner is paused for 5 minutes');
		await expect(
			f.stores.auth.signIn({ shopId: f.shopId, staffId: f.owner.staffId, pin: f.pin })
		).rejects.toThrow('Too many wrong PINs for Ola Owner');
		expect(
			(await f.stores.staff.list(f.shopId)).find((s) => s.id === f.owner.staffId)?.isLocked
		).toBe(true);
		await f.stores.auth.signOut(signedIn.token);
		expect(await f.stores.auth.resolve(signedIn.token)).toBeNull();
	});

	test('ends the office sessions of a manager who is switched off', async () => {
		const f = await seedOfficeShop(db(), { shopId: 'sf-off' });
		const { token } = await f.stores.auth.signIn({
			shopId: f.shopId,
			staffId: f.manager.staffId,
			pin: f.pin
		});
		await f.stores.staff.update({ actor: f.owner, staffId: f.manager.staffId, isActive: false });
		expect(await f.stores.auth.resolve(token)).toBeNull();
		const log = await f.stores.audit.list({ shopId: f.shopId, limit: 5, action: 'staff.' });
		expect(log.map((e) => [e.action, e.actorName, e.detail])).toEqual([
			['staff.updated', 'Ola Owner', { isActive: false }]
		]);
	});
});
