import { storeKindsUnderTest } from '@deadwax/db/testing';
import { expect, test } from 'vitest';
import { runChaos, summaryLine } from './chaos-run.ts';

// The in-suite size of `npm run test:chaos`: same faults and checks, fewer sales.
for (const store of storeKindsUnderTest()) {
	test(`five tablets selling through drops, duplicates, reordering and two kill -9s converge exactly [${store}]`, async () => {
		const report = await runChaos({
			store,
			tablets: 5,
			salesPerTablet: 40,
			kills: 2,
			seed: 20260301,
			faults: { dropRequest: 0.1, dropResponse: 0.1, duplicate: 0.15, maxDelayMs: 150 }
		});
		console.log(summaryLine(report));
		expect(report.problems).toEqual([]);
		expect({
			sales: report.sales,
			lost: report.lost,
			duplicated: report.duplicated,
			mismatched: report.mismatched,
			kills: report.kills
		}).toEqual({ sales: 200, lost: 0, duplicated: 0, mismatched: 0, kills: 2 });
		expect(report.oversells).toBeGreaterThan(0);
		expect(report.proxy!.droppedRequests + report.proxy!.droppedResponses).toBeGreaterThan(0);
	}, 180_000);
}
