import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	MANAGER,
	acceptInvite,
	inviteSvek,
	PASSWORD,
	pairTill,
	sellOnTill,
	seriousViolations,
	signInToOffice,
	SVEK,
	svekItems,
	uniqueEmail
} from './support/label-fixture.ts';

/*
 * The shop's side of the label portal, at /office/labels on a desktop: inviting a label, recording
 * a payout and declining a return request, each seen by the label on its phone.
 */

async function officeDesk(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await signInToOffice(page.request);
	await page.goto('/office/labels');
	await expect(page.getByRole('heading', { level: 1, name: 'Labels' })).toBeVisible();
	return page;
}

test('the office invites a label, records a payout, and declines a request with a note', async ({
	page,
	browser,
	request
}) => {
	// A long journey across two browsers.
	test.setTimeout(90_000);
	const office = await officeDesk(browser);
	const email = uniqueEmail('office');
	const invite = office.getByRole('region', { name: 'Invite a label to the portal' });
	await invite.getByRole('combobox', { name: 'Label' }).selectOption(SVEK.labelId);
	await invite.getByRole('textbox', { name: 'Their email' }).fill(email);
	await invite.getByRole('button', { name: 'Make invite link' }).click();
	await expect(office.getByRole('status')).toHaveText(`Invite link made for ${email}.`);
	const link = await office.getByTestId('invite-link').inputValue();
	expect(link).toMatch(/\/label\/invite#[\w-]{43}$/);
	await expect(office.getByText(`${email} · ${SVEK.name} · invite · open until`)).toBeVisible();
	expect(await seriousViolations(office)).toEqual([]);

	// The label opens the link on its phone.
	await page.goto(link);
	await page.getByLabel('New password (at least 10 characters)').fill(PASSWORD);
	await page.getByLabel('The same password again').fill(PASSWORD);
	await page.getByRole('button', { name: 'Set password and sign in' }).click();
	await expect(page.getByText(`Signed in as ${SVEK.name}`)).toBeVisible();

	// A sale makes sure something is owed, then the shop pays part of it.
	const tablet = await pairTill(request, 'Office spec tablet', MANAGER);
	const [item] = await svekItems(request, tablet);
	if (item === undefined) throw new Error('the demo shop has no Svek copies on hand');
	await sellOnTill(request, tablet, item, 1);
	await office.reload();
	const reference = `E2E-${Date.now().toString(36)}`;
	const payout = office.getByRole('region', { name: 'Record a payout' });
	await payout.getByRole('combobox', { name: 'Label' }).selectOption(SVEK.labelId);
	await payout.getByRole('textbox', { name: 'Amount' }).fill('5.00');
	await payout.getByRole('textbox', { name: 'Reference (optional)' }).fill(reference);
	await payout.getByRole('button', { name: 'Record payout' }).click();
	await expect(office.getByRole('status')).toHaveText(`Payout to ${SVEK.name} recorded.`);
	await payout.getByRole('textbox', { name: 'Amount' }).fill('999999.00');
	await payout.getByRole('button', { name: 'Record payout' }).click();
	await expect(office.getByRole('alert')).toContainText('is more than the');

	await page.getByRole('link', { name: 'Statements' }).click();
	const row = page.getByRole('row').filter({ hasText: reference });
	await expect(row).toContainText('Deadwax Demo Records');
	await expect(row).toContainText('Bank transfer');
	await expect(row).toContainText('5.00');

	// The label asks for a copy back; the shop declines, saying why.
	await page.getByRole('link', { name: 'Returns' }).click();
	await page.getByLabel('Release and shop').selectOption({ index: 1 });
	await page.getByRole('spinbutton', { name: 'Copies' }).fill('1');
	await page.getByLabel('Note for the shop (optional)').fill(reference);
	await page.getByRole('button', { name: 'Send request' }).click();
	await expect(page.getByRole('status')).toContainText('Asked Deadwax Demo Records for 1 copy');

	await office.reload();
	const request_ = office.getByTestId('office-return-request').filter({ hasText: reference });
	await request_.getByRole('button', { name: 'Decline' }).click();
	await expect(office.getByRole('alert')).toContainText(
		'note must say why the request is declined'
	);
	await request_.getByLabel('Note to the label').fill('these sell every week here');
	await request_.getByRole('button', { name: 'Decline' }).click();
	await expect(office.getByRole('status')).toHaveText(
		'Request declined; the label sees your note.'
	);
	await office.context().close();

	await page.reload();
	const mine = page.getByTestId('return-request').filter({ hasText: reference });
	await expect(mine).toContainText('Declined');
	await expect(mine).toContainText('“these sell every week here” — Deadwax Demo Records');
});

test('the labels page asks for an office sign-in first', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto('/office/labels');
	await expect(page.getByText(/Sign in to the office/).first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Labels you carry' })).toBeHidden();
	await context.close();
});

test('a password reset is a new invite from the office: the new password works, old sessions end', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(90_000);
	const email = uniqueEmail('reset');
	await acceptInvite(page, await inviteSvek(request, email));

	const office = await officeDesk(browser);
	const invite = office.getByRole('region', { name: 'Invite a label to the portal' });
	await invite.getByRole('combobox', { name: 'Label' }).selectOption(SVEK.labelId);
	await invite.getByRole('textbox', { name: 'Their email' }).fill(email);
	await invite.getByRole('button', { name: 'Make invite link' }).click();
	await expect(office.getByRole('status')).toHaveText(
		`Password reset link made for ${email}. Their current sessions end when they use it.`
	);
	const link = await office.getByTestId('invite-link').inputValue();
	await office.context().close();

	// On another device the label follows the reset link.
	const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const other = await laptop.newPage();
	await other.goto(link);
	await expect(other.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
	await other.getByLabel('New password (at least 10 characters)').fill('a brand new passphrase');
	await other.getByLabel('The same password again').fill('a brand new passphrase');
	await other.getByRole('button', { name: 'Set password and sign in' }).click();
	await expect(other.getByText(`Signed in as ${SVEK.name}`)).toBeVisible();
	await laptop.close();

	// The phone's session ended with the reset, and the old password no longer works.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('Email or password is wrong');
	await page.getByLabel('Password').fill('a brand new passphrase');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText(`Signed in as ${SVEK.name}`)).toBeVisible();
});
