import { router } from '../../trpc.ts';
import { catalogRouter } from './catalog.ts';
import { discogsRouter } from './discogs.ts';
import { reportsRouter } from './reports.ts';
import { reviewRouter } from './review.ts';
import { sessionRouter } from './session.ts';
import { auditRouter, staffRouter } from './staff.ts';
import { stockRouter } from './stock.ts';
import { taxClassesRouter } from './tax-classes.ts';

/** The manager's back office. Every procedure but `session` needs a manager or owner signed in. */
export const officeRouter = router({
	session: sessionRouter,
	catalog: catalogRouter,
	stock: stockRouter,
	discogs: discogsRouter,
	review: reviewRouter,
	staff: staffRouter,
	audit: auditRouter,
	reports: reportsRouter,
	taxClasses: taxClassesRouter
});
