/**
 * The thank-you letter as a Word document: block paragraphs, no running
 * footer or page number, and hard breaks that leave room to sign.
 */
import { describe, expect, it } from 'vitest';
import type { Root } from '../../src/tree/types.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { openDocx, paragraphWith, paragraphs, textOf, theme } from './docx-helpers.js';
import { interview, letterTree } from './real-documents.js';

/** The letter of maya-after.yaml, marked as a letter as the thank-you kit marks it. */
function letter(): Root {
  const tree = letterTree(interview('maya-after.yaml'));
  return { ...tree, meta: { ...tree.meta, kind: 'letter' } };
}

describe('the thank-you letter DOCX', () => {
  it('has no running footer and no page number', async () => {
    const docx = openDocx(await writeDocx(letter(), { theme: theme() }));
    expect(docx.names.some((name) => name.startsWith('word/footer'))).toBe(false);
    expect(docx.text('word/document.xml')).not.toContain('<w:footerReference');
    expect(docx.text('word/document.xml')).not.toContain('NUMPAGES');
  });

  it('keeps the footer of a document that is not a letter', async () => {
    const tree = letterTree(interview('maya-after.yaml'));
    const docx = openDocx(await writeDocx({ ...tree, meta: { ...tree.meta, kind: 'document' } }, { theme: theme() }));
    expect(docx.text('word/document.xml')).toContain('<w:footerReference');
  });

  it('sets the body in block paragraphs with space between them, never empty paragraphs', async () => {
    const xml = openDocx(await writeDocx(letter(), { theme: theme() })).text('word/document.xml');
    const greeting = paragraphWith(xml, 'Dear Dr.\u00a0Núñez');
    expect(greeting).not.toContain('<w:ind');
    expect(paragraphs(xml).filter((p) => textOf(p) === '')).toEqual([]);
  });

  it('turns consecutive hard breaks into blank lines, room to sign', async () => {
    const text = (value: string) => ({ type: 'text' as const, value });
    const tree: Root = {
      type: 'root',
      meta: { title: 'Thank you', author: 'Maya Patel', language: 'en-US', kind: 'letter' },
      children: [{ type: 'paragraph', children: [text('Sincerely,'), { type: 'break' }, { type: 'break' }, { type: 'break' }, text('Maya Patel')] }],
    };
    const closing = paragraphWith(openDocx(await writeDocx(tree, { theme: theme() })).text('word/document.xml'), 'Sincerely,');
    expect(closing).toMatch(/Sincerely,<\/w:t><\/w:r>(<w:r><w:br\/><\/w:r>){3}<w:r><w:t xml:space="preserve">Maya Patel/);
  });
});
