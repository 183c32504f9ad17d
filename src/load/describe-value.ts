/**
 * Short descriptions of values and of what a schema expected, for messages
 * such as `student.name should be text, but it is a list`.
 *
 * @example
 * describeFound(['a', 'b']);   // 'a list'
 * quoteValue('next tuesday');  // ' ("next tuesday")'
 */

/** What kind of value the user wrote. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  switch (typeof value) {
    case 'string':
      return `text${quoteValue(value)}`;
    case 'number':
      return Number.isNaN(value) ? 'not a number (.nan)' : `a number${quoteValue(value)}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a mapping of fields';
    default:
      return typeof value;
  }
}

/** What a schema type expects, in words. */
export function describeExpected(expected: string | undefined): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'object':
      return 'a mapping of fields';
    case 'array':
      return 'a list';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    default:
      return expected ?? 'something else';
  }
}

/** ` ("value")` for text, ` (42)` for numbers and booleans, '' for anything else. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = [...value].length > 60 ? `${[...value].slice(0, 57).join('')}…` : value;
    return ` (${JSON.stringify(shown)})`;
  }
  if (typeof value === 'number') return ` (${yamlNumber(value)})`;
  if (typeof value === 'boolean') return ` (${String(value)})`;
  return '';
}

/** "student.goals item 2" for the path ['student', 'goals', 1]; "the file" for the empty path. */
export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += ` item ${step + 1}`;
    else out += out ? `.${String(step)}` : String(step);
  }
  return out.trim();
}

/** The field a path is about: its named steps joined by dots ("student.goals"). */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.filter((step) => typeof step !== 'number').map(String).join('.');
}

/** A number as YAML writes it: 42, .inf, -.inf, .nan. */
export function yamlNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}
