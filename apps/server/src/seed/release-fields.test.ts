import { expect, test } from 'vitest';
import { shelfFormat } from './release-fields.ts';

test('files Discogs formats under the shop formats', () => {
	expect(shelfFormat('Vinyl', '2', '12"; 33 ⅓ RPM')).toBe('2xLP');
	expect(shelfFormat('Vinyl', '1', '12"; 45 RPM')).toBe('12"');
	expect(shelfFormat('Vinyl', '1', 'LP; Album')).toBe('LP');
	expect(shelfFormat('Vinyl', '1', '7"; 45 RPM; Single')).toBe('7"');
	expect(shelfFormat('Vinyl', '1', '10"; White Label')).toBe('10"');
	expect(shelfFormat('Vinyl + Box Set', '2 + 1', 'LP')).toBe('Box set');
	expect(shelfFormat('CDr', '1', 'Album')).toBe('CD');
	expect(shelfFormat('Cassette', '1', '')).toBe('Cassette');
	expect(shelfFormat('File', '3', 'MP3')).toBe('Other');
});
