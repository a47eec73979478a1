import { router } from '../../trpc.ts';
import { accountRouter } from './account.ts';
import { portalRouter } from './portal.ts';

export { consignmentRouter } from './consignment.ts';
export { LABEL_COOKIE } from './account.ts';

/** The label portal: `label.account.*` signs in and out; everything else needs a label session. */
export const labelRouter = router({
	account: accountRouter,
	portal: portalRouter
});
