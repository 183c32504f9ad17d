import type { Inline } from './types.js';

/**
 * The text of inline nodes as a reader hears it: formatting dropped, a line
 * break read as a space, spaces collapsed, ends trimmed. For slugs, bookmark
 * titles, form fields' spoken names and checks on what a line says.
 *
 * @example
 * plainText([{ type: 'strong', children: [{ type: 'text', value: 'Know' }] }, { type: 'text', value: ' Yourself ' }]); // 'Know Yourself'
 */
export function plainText(nodes: readonly Inline[]): string {
  return concat(nodes).replace(/ {2,}/g, ' ').trim();
}

function concat(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? ' ' : concat(n.children))).join('');
}
