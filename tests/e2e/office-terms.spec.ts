import { expect, test } from '@playwright/test';
import {
	makeStockItem,
	officeCookie,
	query,
	signInOnPage,
	unique
} from './support/office-fixture.ts';

/*
 * Consignment terms in the office: a manager starts carrying a label on a percentage, gives one of
 * its releases a fixed share, ends the agreement, and a second manager's stale edit is refused.
 */

test('a manager adds a label on 25 %, gives one release a fixed share, and ends the agreement', async ({
	page
}) => {
	await signInOnPage(page, undefined, '/office/labels');
	const name = unique('Tape Hiss');
	const terms = page.getByRole('region', { name: 'Consignment terms' });
	const add = terms.getByRole('form', { name: 'Add a label' });
	await add.getByRole('textbox', { name: 'Label name' }).fill(name);
	await add.getByRole('combobox', { name: 'Share' }).selectOption('percent');
	await add.getByRole('textbox', { name: 'Percent' }).fill('25');
	await add.getByRole('button', { name: 'Add label' }).click();
	await expect(terms.getByRole('status')).toHaveText(
		`You now carry ${name} at 25 % of the net price.`
	);
	// It is carried now: listed, and offered for portal invites.
	await expect(page.getByRole('rowheader', { name })).toBeVisible();
	const invite = page.getByRole('region', { name: 'Invite a label to the portal' });
	await expect(
		invite.getByRole('combobox', { name: 'Label' }).getByRole('option', { name })
	).toBeAttached();

	// Copies of one of its releases arrive; that release gets 5.00 a copy.
	await officeCookie(page.request);
	const agreements = await query<{ labelId: string; labelName: string }[]>(
		page.request,
		'consignment.agreements'
	);
	const labelId = agreements.find((a) => a.labelName === name)?.labelId;
	if (labelId === undefined) throw new Error(`${name} has no agreement`);
	const record = await makeStockItem(page.request, { bin: unique('T'), quantity: 3, labelId });
	await page.reload();
	await page.getByText(`${name}: 25 % of the net price`).click();
	const form = terms.getByRole('form', { name: `Terms for ${name}` });
	await form.getByRole('button', { name: 'Give a release its own terms' }).click();
	await form
		.getByRole('combobox', { name: 'Release 1' })
		.selectOption({ label: `E2E Artist – ${record.title}` });
	await form.getByRole('combobox', { name: 'Its share' }).selectOption('fixed');
	await form
		.getByRole('textbox', { name: /^Per copy/ })
		.last()
		.fill('5');
	await form.getByRole('button', { name: 'Save terms' }).click();
	await expect(terms.getByRole('status')).toHaveText(
		`Terms for ${name} saved: 25 % of the net price, 1 release(s) on their own terms.`
	);
	const [saved] = (
		await query<
			{ labelId: string; overrides: { releaseId: string; rule: unknown }[]; version: number }[]
		>(page.request, 'consignment.agreements')
	).filter((a) => a.labelId === labelId);
	expect(saved?.overrides).toEqual([
		{
			releaseId: record.releaseId,
			releaseTitle: `E2E Artist – ${record.title}`,
			rule: { kind: 'fixed', amountCents: 500 }
		}
	]);

	// A second manager saved meanwhile: this page's edit is refused and says so.
	const other = await page.context().browser()!.newContext();
	await officeCookie(other.request);
	const stale = await other.request.post('/trpc/consignment.saveAgreement', {
		data: {
			labelId,
			expectedVersion: saved!.version,
			defaultRule: { kind: 'percent', percentBp: 3000 },
			overrides: [],
			isActive: true
		}
	});
	expect(stale.ok()).toBe(true);
	await form.getByRole('checkbox', { name: 'Taking new copies' }).uncheck();
	await form.getByRole('button', { name: 'Save terms' }).click();
	await expect(terms.getByRole('alert')).toContainText(
		'these terms were changed by Mika Manager since you opened them (now 30 %); nothing was saved'
	);
	await other.close();

	// After a reload the manager ends it for real.
	await page.reload();
	await page.getByText(`${name}: 30 % of the net price`).click();
	await form.getByRole('checkbox', { name: 'Taking new copies' }).uncheck();
	await form.getByRole('button', { name: 'Save terms' }).click();
	await expect(terms.getByRole('status')).toHaveText(
		`Terms for ${name} saved: 30 % of the net price; no new copies are taken in.`
	);
	await expect(page.getByText(`${name}: 30 % of the net price · ended`)).toBeVisible();
});

test('a share that is not a percentage is refused, naming the field, and nothing is added', async ({
	page
}) => {
	await signInOnPage(page, undefined, '/office/labels');
	const name = unique('Bad Share');
	const terms = page.getByRole('region', { name: 'Consignment terms' });
	const add = terms.getByRole('form', { name: 'Add a label' });
	await add.getByRole('textbox', { name: 'Label name' }).fill(name);
	await add.getByRole('textbox', { name: 'Percent' }).fill('thirty');
	await add.getByRole('button', { name: 'Add label' }).click();
	await expect(terms.getByRole('alert')).toContainText(
		'Share must be a percentage like 30 or 27.5 (got "thirty")'
	);
	await expect(page.getByRole('rowheader', { name })).toHaveCount(0);
});
