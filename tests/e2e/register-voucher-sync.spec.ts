import { expect, test } from '@playwright/test';
import { PROTOCOL_VERSION } from '@deadwax/sync';
import { randomUUID } from 'node:crypto';
import { RegisterPos } from './pages/register-pos.ts';
import { demoBusinessDay, pairTill } from './support/till.ts';
import { mutate } from './support/trpc.ts';

const MANAGER = { shopId: 'demo', staffId: 'demo-manager', pin: '1357' };

test('store credit from a trade-in on another register is known here after the pull, and pays', async ({
	page,
	request
}) => {
	// Tablet A buys a record for store credit and pushes the trade-in, as its outbox would.
	const till = await pairTill(request, 'E2E trade-in till', MANAGER);
	const tradeInId = randomUUID();
	const voucher = `CR-E2E-${tradeInId.slice(0, 8).toUpperCase()}`;
	const now = new Date();
	const pushed = await mutate<{ results: { status: string }[] }>(
		request,
		'sync.push',
		{
			protocolVersion: PROTOCOL_VERSION,
			ops: [
				{
					opId: randomUUID(),
					deviceId: till.deviceId,
					deviceSeq: till.nextSeq++,
					deviceTime: now.toISOString(),
					kind: 'trade_in.completed',
					payload: {
						tradeInId,
						receiptNo: `E2E-${tradeInId.slice(0, 8)}`,
						clerkId: 'demo-clerk',
						currency: 'EUR',
						businessDay: demoBusinessDay(now),
						completedAt: now.toISOString(),
						lines: [
							{
								lineId: 'l1',
								itemId: randomUUID(),
								releaseId: null,
								description: 'Can – Tago Mago',
								mediaGrade: 'VG+',
								sleeveGrade: 'VG',
								offerCents: 800,
								costBasisCents: 800,
								priceCents: 1500,
								taxClassId: 'demo-records'
							}
						],
						offerCents: 800,
						payout: {
							kind: 'store_credit',
							amountCents: 1000,
							bonusCents: 200,
							voucherCode: voucher
						}
					}
				}
			]
		},
		{ authorization: `Bearer ${till.token}` }
	);
	expect(pushed.results.map((r) => r.status)).toEqual(['applied']);

	// Tablet B is paired afterwards: its first pull brings the trade-in, so the voucher pays.
	const { code } = await mutate<{ code: string }>(request, 'devices.createPairingCode', {
		manager: MANAGER
	});
	const register = new RegisterPos(page);
	await register.open();
	await page.getByRole('textbox', { name: 'Pairing code' }).fill(code);
	await page.getByRole('button', { name: 'Pair this register' }).click();
	await register.signedIn({ name: 'Cleo Clerk', pin: '1234' });
	await register.search.fill('a');
	await page.getByTestId('search-results').getByRole('button').first().click();
	await page.getByRole('button', { name: /^Pay / }).click();
	await page.getByRole('textbox', { name: 'Voucher code' }).fill(voucher);
	await page.getByRole('textbox', { name: 'Voucher amount' }).fill('5');
	await page.getByRole('button', { name: 'Add voucher' }).click();
	await page.getByRole('button', { name: /^Exact / }).click();
	await expect(register.receipt).toContainText(`Voucher ${voucher}`);
});
