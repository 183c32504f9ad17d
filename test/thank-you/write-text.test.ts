import { describe, expect, it } from 'vitest';
import type { Block, Inline, Paragraph, Root } from '../../src/tree/types.js';
import { writeText } from '../../src/write/text/index.js';

const meta = { title: 'T', author: 'A', language: 'en-US' };
const doc = (...children: Block[]): Root => ({ type: 'root', meta, children });
const text = (value: string) => ({ type: 'text', value }) as const;
const para = (...children: Inline[]): Paragraph => ({ type: 'paragraph', children });

describe('writeText', () => {
  it('separates paragraphs by one blank line and does not wrap them', () => {
    const long = 'word '.repeat(40).trim();
    expect(writeText(doc(para(text('Dear Dr. Núñez,')), para(text(long))))).toBe(`Dear Dr. Núñez,\n\n${long}\n`);
  });

  it('keeps forced breaks as line breaks without stray spaces', () => {
    expect(writeText(doc(para(text('Maya Patel '), { type: 'break' }, text(' maya@example.edu'))))).toBe('Maya Patel\nmaya@example.edu\n');
  });

  it('drops bold and italic marks', () => {
    expect(writeText(doc(para({ type: 'strong', children: [text('[one thing you learned]')] }, text(' and '), { type: 'emphasis', children: [text('more')] })))).toBe(
      '[one thing you learned] and more\n',
    );
  });

  it('shows a link address only when the text is not already the address', () => {
    const tree = doc(
      para({ type: 'link', url: 'mailto:maya@example.edu', children: [text('maya@example.edu')] }),
      para({ type: 'link', url: 'https://www.linkedin.com/in/maya/', children: [text('linkedin.com/in/maya')] }),
      para({ type: 'link', url: 'https://acme.example', children: [text('our website')] }),
    );
    expect(writeText(tree)).toBe('maya@example.edu\n\nlinkedin.com/in/maya\n\nour website (https://acme.example)\n');
  });

  it('writes bulleted and numbered lists with their markers and indents continuation lines', () => {
    const tree = doc(
      { type: 'list', ordered: false, start: 1, children: [{ type: 'listItem', children: [para(text('one'))] }, { type: 'listItem', children: [para(text('two'), { type: 'break' }, text('more'))] }] },
      { type: 'list', ordered: true, start: 3, children: [{ type: 'listItem', children: [para(text('three'))] }] },
    );
    expect(writeText(tree)).toBe('- one\n- two\n  more\n\n3. three\n');
  });

  it('writes check boxes, writing space, headings and callouts as text', () => {
    const tree = doc(
      { type: 'heading', depth: 1, id: 'h', children: [text('After the meeting')] },
      { type: 'checkbox', checked: true, name: 'business-card', children: [text('I received a business card')] },
      { type: 'answerLines', count: 2, name: 'advice' },
      { type: 'callout', children: [para(text('Send by Friday.'))] },
      { type: 'pageBreak' },
      para(text('End')),
    );
    expect(writeText(tree)).toBe(`After the meeting\n\n[x] I received a business card\n\n${'_'.repeat(60)}\n${'_'.repeat(60)}\n\n> Send by Friday.\n\nEnd\n`);
  });

  it('writes tables one row a line with the header underlined', () => {
    const cell = (v: string) => ({ type: 'tableCell', children: [text(v)] }) as const;
    const tree = doc({ type: 'table', header: true, rows: [[cell('When'), cell('What')], [cell('0:00'), cell('Greet')]] });
    expect(writeText(tree)).toBe('When | What\n-----------\n0:00 | Greet\n');
  });

  it('can end lines with CRLF', () => {
    expect(writeText(doc(para(text('a')), para(text('b'))), { newline: '\r\n' })).toBe('a\r\n\r\nb\r\n');
  });
});
