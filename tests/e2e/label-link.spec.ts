import { expect, request as http, test, type APIRequestContext } from '@playwright/test';
import { MANAGER, PASSWORD, SVEK, uniqueEmail } from './support/label-fixture.ts';
import { startOwnServer, type OwnServer } from './support/own-server.ts';
import { mutate } from './support/trpc.ts';

/*
 * Two shops carry Svek. The demo shop made Svek's login; the second shop may not reset it, only
 * offer a link the label accepts with the password it already has. Then one login covers both.
 * A second shop would change every other spec's office sign-in, so this spec has its own server.
 */

let server: OwnServer;
let second: { shopId: string; staffId: string; pin: string };

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = await startOwnServer();
	const shopId = (
		await server.cli([
			'shop',
			'create',
			'--name',
			'Second Spin',
			'--currency',
			'EUR',
			'--timezone',
			'Europe/Berlin'
		])
	).trim();
	const staffId = (
		await server.cli([
			'staff',
			'create',
			'--shop',
			shopId,
			'--name',
			'Sam Second',
			'--role',
			'manager',
			'--pin',
			'4321'
		])
	).trim();
	second = { shopId, staffId, pin: '4321' };
});

test.afterAll(async () => {
	await server.stop();
});

/** An API client signed in to the office of `who`'s shop. */
async function officeOf(who: { shopId: string; staffId: string; pin: string }) {
	const context = await http.newContext({ baseURL: server.url });
	const response = await context.post('/auth/office/sign-in', { data: who });
	expect(response.ok(), await response.text()).toBe(true);
	return context;
}

async function invite(office: APIRequestContext, email: string) {
	return mutate<{ token: string; kind: string }>(office, 'consignment.invite', {
		labelId: SVEK.labelId,
		email
	});
}

test('another shop adds itself to a label’s login only with the label’s own password', async ({
	page
}) => {
	test.setTimeout(90_000);
	const email = uniqueEmail('link');
	const demo = await officeOf(MANAGER);
	const made = await invite(demo, email);
	expect(made.kind).toBe('new');
	await page.goto(`${server.url}/label/invite#${made.token}`);
	await page.getByLabel('New password (at least 10 characters)').fill(PASSWORD);
	await page.getByLabel('The same password again').fill(PASSWORD);
	await page.getByRole('button', { name: 'Set password and sign in' }).click();
	await expect(page.getByText(`Signed in as ${SVEK.name}`)).toBeVisible();
	await expect(page.getByText('1 shop carries you')).toBeVisible();

	// The second shop starts carrying Svek (the same label, by name) and invites the same email.
	const other = await officeOf(second);
	const added = await mutate<{ labelId: string }>(other, 'consignment.addLabel', {
		name: 'svek',
		contact: null,
		defaultRule: { kind: 'percent', percentBp: 4000 }
	});
	expect(added.labelId).toBe(SVEK.labelId);
	const link = await invite(other, email);
	expect(link.kind).toBe('link');

	// Whoever opens the link must know the password: a guess is refused and the link still works.
	await page.goto(`${server.url}/label/invite#${link.token}`);
	await expect(page.getByRole('heading', { name: 'Add Second Spin to your portal' })).toBeVisible();
	await expect(page.getByLabel('New password (at least 10 characters)')).toHaveCount(0);
	await page.getByLabel('Your password').fill('a guess by the other shop');
	await page.getByRole('button', { name: 'Add Second Spin and sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('The password is wrong.');

	await page.getByLabel('Your password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Add Second Spin and sign in' }).click();
	await expect(page.getByText(`Signed in as ${SVEK.name}`)).toBeVisible();
	await expect(page.getByText('2 shops carry you')).toBeVisible();

	// And the second shop still cannot make a reset link for it.
	const reset = await other.post('/trpc/consignment.invite', {
		data: { labelId: SVEK.labelId, email }
	});
	expect(reset.status()).toBe(409);
	expect(await reset.text()).toContain(
		`already sees this shop's figures. Only Deadwax Demo Records can reset its password`
	);

	// The second shop stops sharing with this login; the label sees the demo shop only again.
	const desk = await page.context().browser()!.newPage();
	await desk.context().request.post(`${server.url}/auth/office/sign-in`, { data: second });
	await desk.goto(`${server.url}/office/labels`);
	await desk.getByRole('button', { name: `Stop sharing with ${email}` }).click();
	await expect(desk.getByText(`${email} no longer sees this shop's figures.`)).toBeVisible();
	await page.reload();
	await expect(page.getByText('1 shop carries you')).toBeVisible();
	await desk.close();
	await demo.dispose();
	await other.dispose();
});
