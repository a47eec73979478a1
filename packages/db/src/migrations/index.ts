import type { Migration } from 'kysely';
import { foundation } from './0001_foundation.ts';
import { sync } from './0002_sync.ts';
import { office } from './0003_office.ts';
import { labels } from './0004_labels.ts';
import { register } from './0005_register.ts';
import { labelLinks } from './0006_label_links.ts';
import { taxPpm } from './0007_tax_ppm.ts';
import { taxClassVersion } from './0008_tax_class_version.ts';

/**
 * Every migration, in the order they run. Names are `NNNN_name`, numbered after the latest one on
 * main; a migration that has shipped is never edited, only followed by a new one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
	'0001_foundation': foundation,
	'0002_sync': sync,
	'0003_office': office,
	'0004_labels': labels,
	'0005_register': register,
	'0006_label_links': labelLinks,
	'0007_tax_ppm': taxPpm,
	'0008_tax_class_version': taxClassVersion
};
