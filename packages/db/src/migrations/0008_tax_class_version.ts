import type { Kysely, Migration } from 'kysely';

/*
 * Tax classes get a `version`, as releases and items have, so the office's tax class editor can
 * refuse an edit based on a version someone else has since changed. Existing classes start at 1.
 */
export const taxClassVersion: Migration = {
	async up(db: Kysely<unknown>): Promise<void> {
		await db.schema
			.alterTable('tax_classes')
			.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
			.execute();
	},

	async down(db: Kysely<unknown>): Promise<void> {
		await db.schema.alterTable('tax_classes').dropColumn('version').execute();
	}
};
