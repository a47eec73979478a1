import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	MANAGER,
	acceptInvite,
	inviteSvek,
	pairTill,
	PASSWORD,
	payOutToSvek,
	sellOnTill,
	seriousViolations,
	signInToOffice,
	SVEK,
	svekItems,
	uniqueEmail
} from './support/label-fixture.ts';
import { query } from './support/trpc.ts';

/*
 * A consignment label on its phone and at a desk: invite, password, dashboard, statements with CSV,
 * asking for copies back while the shop answers in its office, and sign-out. The label-* specs
 * run in the phone project; the desktop block sets its own viewport.
 */

const DEVICES = [
	{ name: 'phone', viewport: { width: 360, height: 740 }, hasTouch: true },
	{ name: 'desktop', viewport: { width: 1280, height: 800 }, hasTouch: false }
] as const;

for (const device of DEVICES) {
	test.describe(`on a ${device.name}`, () => {
		test.use({ viewport: device.viewport, hasTouch: device.hasTouch });

		test('an invite link sets the password once; sign-out and sign-in work; the link cannot be reused', async ({
			page,
			request
		}) => {
			const email = uniqueEmail(device.name);
			const token = await inviteSvek(request, email);
			await acceptInvite(page, token);
			await expect(page).toHaveURL(/\/label$/);
			await expect(page.getByRole('heading', { level: 1, name: 'Label portal' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Owed to you' })).toBeVisible();
			await expect(page.getByRole('heading', { name: 'Your releases' })).toBeVisible();
			// The cookie is out of reach of page scripts.
			expect(await page.evaluate(() => document.cookie)).not.toContain('dw_label');
			const cookies = await page.context().cookies();
			expect(cookies.find((c) => c.name === 'dw_label')).toMatchObject({
				httpOnly: true,
				sameSite: 'Lax',
				path: '/'
			});

			await page.getByRole('button', { name: 'Sign out' }).click();
			await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
			await page.reload();
			await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
			expect((await page.context().cookies()).find((c) => c.name === 'dw_label')).toBeUndefined();

			await page.getByLabel('Email').fill(email.toUpperCase());
			await page.getByLabel('Password').fill('not the password');
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('alert')).toContainText('Email or password is wrong');
			await page.getByLabel('Password').fill(PASSWORD);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByText(`Signed in as ${SVEK.name}`)).toBeVisible();

			await page.goto(`/label/invite#${token}`);
			await expect(
				page.getByRole('heading', { name: 'This invite link does not work' })
			).toBeVisible();
			// The token was taken out of the address bar as soon as it was read.
			expect(page.url()).not.toContain(token);
		});

		test('repeated wrong passwords are paused, saying when to try again', async ({
			page,
			request
		}) => {
			const email = uniqueEmail(`${device.name}-limit`);
			await acceptInvite(page, await inviteSvek(request, email));
			await page.getByRole('button', { name: 'Sign out' }).click();
			for (let i = 0; i < 5; i++) {
				await page.getByLabel('Email').fill(email);
				await page.getByLabel('Password').fill(`wrong password ${i}`);
				await page.getByRole('button', { name: 'Sign in' }).click();
				await expect(page.getByRole('alert')).toContainText('Email or password is wrong');
				await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
			}
			await page.getByLabel('Password').fill(PASSWORD);
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('alert')).toContainText(
				/Too many failed sign-ins for this email; try again in 1[45] minutes/
			);
			await expect(page.getByText(`Signed in as ${SVEK.name}`)).toBeHidden();
		});

		test('every portal page has no serious or critical accessibility problems', async ({
			page,
			request
		}) => {
			// A sale and a payout, so every table of every page is drawn.
			const tablet = await pairTill(request, `Axe tablet ${device.name}`, MANAGER);
			const [item] = await svekItems(request, tablet);
			if (item === undefined) throw new Error('the demo shop has no Svek copies on hand');
			await sellOnTill(request, tablet, item, 1);
			await payOutToSvek(request, 100, `axe-${device.name}`);
			await acceptInvite(page, await inviteSvek(request, uniqueEmail(`${device.name}-axe`)));
			await expect(page.getByRole('heading', { name: 'Your releases' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('link', { name: 'Statements' }).click();
			await expect(page.getByRole('heading', { name: 'Payouts' })).toBeVisible();
			await expect(
				page.getByRole('cell', { name: `Bank transfer (axe-${device.name})` })
			).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page
				.getByRole('button', { name: /^Open the statement for / })
				.first()
				.click();
			await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('link', { name: 'Returns' }).click();
			await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible();
			await expect(page.getByText('Loading requests…')).toBeHidden();
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('button', { name: 'Sign out' }).click();
			await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('nothing on the page is wider than the screen', async ({ page, request }) => {
			await acceptInvite(page, await inviteSvek(request, uniqueEmail(`${device.name}-fit`)));
			for (const path of ['/label', '/label/statements', '/label/returns']) {
				await page.goto(path);
				await expect(page.getByText(`Signed in as ${SVEK.name}`)).toBeVisible();
				await page.waitForLoadState('networkidle');
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect({ path, overflow }).toEqual({ path, overflow: 0 });
			}
		});
	});
}

test('a statement shows a sale from the tablet and exports its lines to CSV', async ({
	page,
	request
}) => {
	const tablet = await pairTill(request, 'Statement tablet', MANAGER);
	const [item] = await svekItems(request, tablet);
	if (item === undefined) throw new Error('the demo shop has no Svek copies on hand');
	await sellOnTill(request, tablet, item, 1);
	await acceptInvite(page, await inviteSvek(request, uniqueEmail('csv')));
	await page.getByRole('link', { name: 'Statements' }).click();
	const thisMonth = new Intl.DateTimeFormat('en-US', {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date());
	await page.getByRole('button', { name: `Open the statement for ${thisMonth}` }).click();
	await expect(page.getByRole('heading', { name: /Deadwax Demo Records:/ })).toBeFocused();
	await expect(page.getByRole('cell', { name: /Svek record/ }).first()).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download CSV' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^statement-deadwax-demo-records-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/
	);
	const csv = readFileSync(await download.path(), 'utf8');
	const rows = csv
		.replace(/^\ufeff/, '')
		.trimEnd()
		.split('\r\n');
	expect(rows[0]).toBe('date,type,description,receipt,quantity,amount,currency,shop');
	expect(rows[1]).toMatch(
		/^\d{4}-\d{2}-01,opening balance,,,,-?\d+\.\d{2},EUR,Deadwax Demo Records$/
	);
	expect(
		rows.some((r) => /,sale,Svek record,E2E-[0-9a-f]{8},1,7\.00,EUR,Deadwax Demo Records$/.test(r))
	).toBe(true);
	expect(rows.at(-1)).toMatch(/,closing balance,,,,\d+\.\d{2},EUR,Deadwax Demo Records$/);
});

test('a label asks for copies back; the shop accepts and packs them in the office; the label sees it', async ({
	page,
	request
}) => {
	await acceptInvite(page, await inviteSvek(request, uniqueEmail('returns')));
	const ask = page
		.getByRole('link', { name: /^Ask for copies back: .* from Deadwax Demo Records$/ })
		.first();
	const release = ((await ask.getAttribute('aria-label')) ?? '').replace(
		/^Ask for copies back: (.*) from Deadwax Demo Records$/,
		'$1'
	);
	await ask.click();
	await expect(page.getByRole('heading', { name: 'Ask for unsold copies back' })).toBeVisible();
	await expect(page.getByLabel('Release and shop')).toHaveValue(/^demo\|release\|/);
	await page.getByRole('spinbutton', { name: 'Copies' }).fill('1');
	await page.getByLabel('Note for the shop (optional)').fill('for a gig on Friday');
	await page.getByRole('button', { name: 'Send request' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Asked Deadwax Demo Records for 1 copy of ${release}`
	);
	const mine = page.getByTestId('return-request').filter({ hasText: 'for a gig on Friday' });
	await expect(mine).toContainText('Waiting for the shop');

	// The shop's manager answers in the office, on a desktop.
	const office = await page
		.context()
		.browser()!
		.newContext({ viewport: { width: 1280, height: 800 } });
	const officePage = await office.newPage();
	await signInToOffice(officePage.request);
	await officePage.goto('/office/labels');
	const request_ = officePage
		.getByTestId('office-return-request')
		.filter({ hasText: 'for a gig on Friday' });
	await expect(request_).toContainText('New');
	await request_.getByLabel('Note to the label').fill('ready for pickup Thursday');
	await request_.getByRole('button', { name: 'Accept' }).click();
	await expect(officePage.getByRole('status')).toContainText('Request accepted');
	await expect(request_).toContainText('Accepted, to pack');
	await request_.getByRole('button', { name: 'Mark packed' }).click();
	await expect(officePage.getByRole('status')).toContainText(
		'1 copy taken out of stock as a return to Svek'
	);
	expect(await seriousViolations(officePage)).toEqual([]);
	await office.close();

	await page.reload();
	await expect(mine).toContainText('Packed and on their way');
	await expect(mine).toContainText('“ready for pickup Thursday” — Deadwax Demo Records');
	// Packing wrote a return-to-label stock document taking the copy out of stock.
	const [packed] = await query<{ id: string; documentId: string | null; status: string }[]>(
		page.request,
		'label.portal.returnRequests'
	);
	expect(packed?.status).toBe('packed');
	await signInToOffice(request);
	const documents = await query<{ id: string; counterparty: string; lines: { delta: number }[] }[]>(
		request,
		'office.stock.documents',
		{ kind: 'return_to_label', limit: 200 }
	);
	expect(documents.find((d) => d.id === packed?.documentId)).toMatchObject({
		counterparty: SVEK.labelId,
		lines: [{ delta: -1 }]
	});
});
