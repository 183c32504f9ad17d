import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import type { Block, ListItem } from '../../src/tree/types.js';

const meta = { title: 'T', author: 'A', language: 'en-US' };

/** Numbered questions as the templates write them: the directive indented three spaces. */
function questions(count: number): string {
  let md = '## Questions\n\n';
  for (let i = 1; i <= count; i++) md += `${i}. Question ${i}?<br>*Why it matters.*\n\n   :::lines 4 #answer-${i}\n\n`;
  return `${md}# After\n\nDone.\n`;
}

describe('parseMarkdown', () => {
  it.each([1, 9, 10, 24, 100, 120])('keeps each of %i numbered questions in one list, each with its writing space', (count) => {
    const tree = parseMarkdown(questions(count), meta);
    expect(tree.children.map((b) => b.type)).toEqual(['heading', 'list', 'heading', 'paragraph']);
    const list = tree.children[1] as Extract<Block, { type: 'list' }>;
    expect(list.start).toBe(1);
    expect(list.children).toHaveLength(count);
    list.children.forEach((item: ListItem, i) => {
      expect(item.children.map((c) => c.type)).toEqual(['paragraph', 'answerLines']);
      expect(item.children[1]).toEqual({ type: 'answerLines', count: 4, name: `answer-${i + 1}` });
    });
    expect(JSON.stringify(tree)).not.toContain(':::');
  });

  it('reads a directive indented up to three spaces outside a list', () => {
    const tree = parseMarkdown('Text\n\n   :::lines 2\n\n  :::pagebreak\n', meta);
    expect(tree.children).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Text' }] }, { type: 'answerLines', count: 2 }, { type: 'pageBreak' }]);
  });

  it('keeps a bulleted list written right before a checklist apart from its check boxes', () => {
    const tree = parseMarkdown('- Facilitation\n- Survey design\n\n- [ ] Prepare an introduction\n- [x] Read the profile {#read}\n', meta);
    expect(tree.children.map((b) => b.type)).toEqual(['list', 'checkbox', 'checkbox']);
    expect((tree.children[0] as Extract<Block, { type: 'list' }>).children).toHaveLength(2);
    expect(tree.children[2]).toEqual({ type: 'checkbox', checked: true, name: 'read', children: [{ type: 'text', value: 'Read the profile' }] });
  });

  it('numbers an ordered list on after check boxes in its middle', () => {
    const tree = parseMarkdown('1. one\n2. [ ] two\n3. three\n', meta);
    expect(tree.children.map((b) => (b.type === 'list' ? `list@${b.start}` : b.type))).toEqual(['list@1', 'checkbox', 'list@3']);
  });

  it('decodes named and numeric HTML entities and leaves unknown ones as written', () => {
    const tree = parseMarkdown('A &amp; B &mdash; it&#8217;s &#x2019; &bogus; &amp\n', meta);
    expect(tree.children[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', value: 'A & B — it’s ’ &bogus; &amp' }] });
  });

  it('turns backslash line ends into consecutive breaks (room to sign a letter)', () => {
    const tree = parseMarkdown('Sincerely,\\\n\\\n\\\nMaya Patel\n', meta);
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', value: 'Sincerely,' }, { type: 'break' }, { type: 'break' }, { type: 'break' }, { type: 'text', value: 'Maya Patel' }],
    });
  });
});
