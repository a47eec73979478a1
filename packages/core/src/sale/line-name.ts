/**
 * How a message names a line or item to the clerk: its receipt description (artist – title), as
 * the returns messages do, never its id. `position` (1-based) stands in for an empty description.
 */
export function lineName(line: { readonly description: string }, position: number): string {
	const description = line.description.trim();
	return description === '' ? `line ${position}` : description;
}
