/** A "|" in a URL field stays inside its table cell: the link is whole in the Markdown, the tree and the PDF. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFontSet } from '../../src/node/assets.js';
import { loadInterview } from '../../src/load/load-interview.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { buildDocuments } from '../../src/pipeline.js';
import { createRenderer } from '../../src/render/render.js';
import { markdownLink } from '../../src/render/escape-markdown.js';
import { resolveTheme } from '../../src/theme.js';
import { bundledGuide, bundledTemplates } from '../helpers/kit.js';

const text = 'student: { name: Maya Patel }\nmentor: { name: José Núñez }\norganization:\n  name: Acme\n  website: "https://ok.example/a|b"\n';

/** Every link of a tree, with its text. */
function linksIn(node: unknown, out: { url: string; text: string }[] = []): { url: string; text: string }[] {
  if (Array.isArray(node)) node.forEach((n) => linksIn(n, out));
  else if (node && typeof node === 'object') {
    const n = node as { type?: string; url?: string; children?: { value?: string }[] };
    if (n.type === 'link') out.push({ url: n.url!, text: (n.children ?? []).map((c) => c.value ?? '').join('') });
    Object.values(n).forEach((v) => linksIn(v, out));
  }
  return out;
}

describe('a | in a URL field', () => {
  it('is percent-encoded in the link destination and escaped in its text', () => {
    expect(markdownLink('https://ok.example/a|b', 'ok.example/a|b')).toBe('[ok\\.example\\/a\\|b](<https://ok.example/a%7Cb>)');
  });

  it('leaves the website link whole in the packet\'s table, and the PDF shows it', async () => {
    const interview = loadInterview(text, 'maya.yaml').value!;
    const result = await buildDocuments([{ kind: 'kit', interview, formats: ['md', 'pdf'], documents: ['packet'] }], {
      guide: bundledGuide(),
      renderer: createRenderer(bundledTemplates()),
      theme: resolveTheme(),
      fonts: readFontSet('noto-sans'),
      timestamp: 0,
    });
    const markdown = new TextDecoder().decode(result.files.find((f) => f.name === 'packet.md')!.bytes);
    const row = markdown.split('\n').find((l) => l.includes('**Website**'))!;
    expect(row).toBe('| **Website** | [ok\\.example\\/a\\|b](<https://ok.example/a%7Cb>) |');
    expect(linksIn(parseMarkdown(markdown, { title: 'Packet', author: 'Maya Patel', language: 'en' }))).toContainEqual({ url: 'https://ok.example/a%7Cb', text: 'ok.example/a|b' });
    const dir = mkdtempSync(join(tmpdir(), 'ik-pipe-'));
    writeFileSync(join(dir, 'packet.pdf'), result.files.find((f) => f.name === 'packet.pdf')!.bytes);
    const pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'packet.pdf'), '-'], { encoding: 'utf8' });
    expect(pdfText).toMatch(/Website\s+ok\.example\/a\|b/);
    expect(pdfText).not.toContain('](<');
  });
});
