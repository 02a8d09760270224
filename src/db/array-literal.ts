/**
 * A PostgreSQL array literal ('{"a","b",NULL}') for one text parameter. Both drivers then
 * see a single value however long the array: drizzle would otherwise expand a JavaScript
 * array into a list of parameters, and the drivers serialize array parameters differently.
 */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  const items = values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`));
  return `{${items.join(',')}}`;
}
