import { join } from 'node:path';
import { REPO_ROOT } from '../config.ts';

export {
	DEMO_CONSIGNORS,
	DEMO_SHOP_ID,
	DEMO_SHOP_NAME,
	DEMO_STAFF,
	hasNoShop,
	seedDemoShop,
	type DemoSummary,
	type SeedOptions
} from './demo.ts';

/** The one copy of the Discogs sample in the repo (CC0; see tests/fixtures/README.md). */
export const DEMO_CATALOG_PATH = join(
	REPO_ROOT,
	'tests/fixtures/discogs/discogs_releases_catalog.csv'
);
