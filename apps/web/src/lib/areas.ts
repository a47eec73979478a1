/** The three areas of the app; each is a top-level route. */
export type Area = 'register' | 'office' | 'label';

/** Which area a path belongs to, for the header's current-page marker. */
export function areaOf(pathname: string): Area | undefined {
	const [first] = pathname.split('/').filter(Boolean);
	return first === 'register' || first === 'office' || first === 'label' ? first : undefined;
}
