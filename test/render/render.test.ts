import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { interviewSchema } from '../../src/load/schema.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { plainText } from '../../src/tree/plain-text.js';
import { escapeMarkdown, escapeView } from '../../src/render/escape-markdown.js';
import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, createRenderer } from '../../src/render/render.js';
import type { TemplateSet } from '../../src/render/template-set.js';
import type { Block, Inline } from '../../src/tree/types.js';
import { expectGolden } from '../helpers/golden.js';
import { bundledGuide, bundledTemplates, exampleInterview, renderKit, repoRoot } from '../helpers/kit.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'render');
const meta = { title: 'T', author: 'A', language: 'en-US' };

function textOfBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
        case 'checkbox':
          return plainText(b.children as Inline[]);
        case 'list':
          return b.children.map((i) => textOfBlocks(i.children)).join('\n');
        case 'callout':
          return textOfBlocks(b.children);
        case 'table':
          return b.rows.map((r) => r.map((c) => plainText(c.children)).join(' | ')).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

describe('escaping data for Markdown', () => {
  const hostile = ['# heading', '**x**', '[x](javascript:alert(1))', '{{x}}', '- [ ] not a box', '1. not a list', '> not a quote', '| a | b |', '<b>html</b>', ':::pagebreak', 'a\\b', '`code`', '~~gone~~', 'https://autolink.example', 'me@example.com', '&amp;'];

  for (const value of hostile) {
    it(`prints ${JSON.stringify(value)} literally`, () => {
      const tree = parseMarkdown(`Name: ${escapeMarkdown(value)}\n`, meta);
      expect(tree.children).toHaveLength(1);
      const para = tree.children[0]!;
      expect(para.type).toBe('paragraph');
      expect(textOfBlocks(tree.children)).toBe(`Name: ${value}`);
      // No link, emphasis or other structure came from the data.
      if (para.type === 'paragraph') expect(para.children.every((c) => c.type === 'text')).toBe(true);
    });
  }

  it('prints a hostile student name literally through the real packet template', () => {
    const interview = interviewSchema.parse({
      student: { name: '# Eve **bold** [x](javascript:alert(1)) {{student.email}}', goals: ['- [x] fake task'] },
      mentor: { name: 'Sam' },
      organization: { name: 'Org | Inc' },
    });
    const { documents } = renderKit(interview, bundledGuide(), createRenderer(bundledTemplates()), ['packet']);
    const text = textOfBlocks(documents[0]!.tree.children);
    expect(text).toContain('# Eve **bold** [x](javascript:alert(1)) {{student.email}}');
    expect(text).toContain('- [x] fake task');
    expect(text).toContain('Org | Inc');
    expect(JSON.stringify(documents[0]!.tree)).not.toContain('javascript:alert(1)"');
  });

  it('escapes strings inside nested arrays and objects but keeps numbers and booleans', () => {
    const view = escapeView({ a: ['*x*'], b: { c: '_y_' }, n: 3, t: true }) as unknown as Record<string, unknown>;
    expect(String((view.a as unknown[])[0])).toBe('\\*x\\*');
    expect(String((view.b as Record<string, unknown>).c)).toBe('\\_y\\_');
    expect(view.n).toBe(3);
    expect(view.t).toBe(true);
  });
});

describe('the bundled templates', () => {
  const renderer = createRenderer(bundledTemplates());
  const guide = bundledGuide();

  for (const example of ['maya.yaml', 'minimal.yaml', 'sofia.yaml']) {
    it(`render ${example} to the golden Markdown and tree`, async () => {
      const { documents } = renderKit(exampleInterview(example), guide, renderer);
      for (const doc of documents) {
        const base = join(fixtures, `${example.replace('.yaml', '')}.${doc.name}`);
        await expectGolden(`${base}.md`, doc.markdown);
        await expectGolden(`${base}.tree.json`, `${JSON.stringify(doc.tree, null, 1)}\n`);
      }
    });
  }

  it('never prints "undefined" for a field the interview leaves out', () => {
    const { documents } = renderKit(exampleInterview('minimal.yaml'), guide, renderer);
    for (const doc of documents) expect(doc.markdown).not.toMatch(/undefined|\[object/);
  });

  it('lists a research task for each empty mentor and organization field', () => {
    const { documents } = renderKit(exampleInterview('maya.yaml'), guide, renderer, ['packet']);
    const md = documents[0]!.markdown;
    expect(md).toMatch(/- \[ \] .*mission/i);
    expect(md).toMatch(/- \[ \] .*LinkedIn/);
    expect(md).toContain('- Keep to **20 minutes**, the length you agreed on.');
    // Maya gave the website, so there is no task to find it.
    const websiteTask = guide.preparation.research_prompts['organization.website']!.replace('{organization}', 'Acme Health').replace('{mentor}', 'Dr\\. José Núñez');
    expect(websiteTask.length).toBeGreaterThan(10);
    expect(md).not.toContain(websiteTask.slice(0, 30));
  });

  it('asks no preparation task twice in any example’s packet', () => {
    for (const example of ['maya.yaml', 'minimal.yaml', 'sofia.yaml']) {
      const tree = renderKit(exampleInterview(example), guide, renderer, ['packet']).documents[0]!.tree;
      const boxes = tree.children.filter((b) => b.type === 'checkbox').map((b) => plainText(b.children));
      expect(new Set(boxes).size, example).toBe(boxes.length);
      for (const topic of [/30-second introduction/i, /LinkedIn/, /academic program/]) {
        expect(boxes.filter((t) => topic.test(t)), `${example}: ${topic}`).toHaveLength(1);
      }
    }
  });

  it('keeps the advice on time to the meeting’s own length', () => {
    const sofia = exampleInterview('sofia.yaml');
    expect(sofia.meeting.minutes).toBe(30);
    const md = renderKit(sofia, guide, renderer, ['packet']).documents[0]!.markdown;
    expect(md).toContain('Keep to **30 minutes**');
    expect(md).toContain('## Your Time Plan: 30 minutes');
    expect(md).not.toMatch(/\b20 minutes\b/);
  });

  it('speaks to the student, never of the interview file’s fields, when no date or time is set', () => {
    const { documents } = renderKit(exampleInterview('minimal.yaml'), guide, renderer);
    for (const doc of documents) {
      expect(doc.markdown, doc.name).not.toMatch(/\b(meeting|student|mentor|organization)\.[a-z]+\b|\.yaml\b/);
      expect(doc.markdown, doc.name).not.toMatch(/\| \*\*(When|Time)\*\* \| \d+ minutes \|/);
    }
    expect(documents.find((d) => d.name === 'questions')!.markdown).toContain('| **When** | *date not agreed yet* (20 minutes) |');
  });

  // interview.yaml allows 50 questions of one's own; the parser's tests go past 100.
  it.each([1, 9, 10, 24, 50])('keeps the writing space of each of %i questions with it through the real templates', (count) => {
    const interview = interviewSchema.parse({
      student: { name: 'A' }, mentor: { name: 'B' }, organization: { name: 'C' },
      questions: { include: [], custom: Array.from({ length: count }, (_, i) => `Question ${i + 1}?`) },
    });
    for (const doc of renderKit(interview, guide, renderer).documents) {
      expect(JSON.stringify(doc.tree), doc.name).not.toContain(':::');
      const items = doc.tree.children.flatMap((b) => (b.type === 'list' && b.ordered ? b.children : []));
      expect(items, doc.name).toHaveLength(count);
      items.forEach((item, i) => expect(item.children.at(-1), `${doc.name} ${i + 1}`).toMatchObject({ type: 'answerLines', name: `answer-custom-${i + 1}` }));
    }
  });

  it('gives every question its own named writing space', () => {
    const { documents } = renderKit(exampleInterview('maya.yaml'), guide, renderer, ['questions']);
    const names = JSON.stringify(documents[0]!.tree).match(/"name":"answer-[a-z0-9-]+"/g) ?? [];
    const include = exampleInterview('maya.yaml').questions!.include!;
    expect(names.length).toBe(include.length + 1);
    expect(new Set(names).size).toBe(names.length);
  });

  it('warns when the chosen questions cannot fit the minutes', () => {
    const interview = interviewSchema.parse({
      student: { name: 'A' }, mentor: { name: 'B' }, organization: { name: 'C' },
      questions: { include: ['career-field', 'organization', 'individual'] },
    });
    const { warnings } = renderKit(interview, guide, renderer, ['packet']);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/the 21 chosen questions need about \d+(\.\d)? minutes, but a 20-minute meeting leaves about 15/);
  });

  it('warns when a custom question asks for a job', () => {
    const interview = interviewSchema.parse({
      student: { name: 'A' }, mentor: { name: 'B' }, organization: { name: 'C' },
      questions: { custom: ['Are you hiring for my team?'] },
    });
    const { warnings } = renderKit(interview, guide, renderer, ['packet']);
    expect(warnings.some((w) => /asks for a job/.test(w.message))).toBe(true);
  });
});

describe('template errors', () => {
  const base = bundledTemplates();
  const withTemplate = (source: string): TemplateSet => ({ templates: { packet: { source, file: 'my/packet.md.hbs' } }, partials: base.partials });

  function diagnosticsOf(set: TemplateSet) {
    try {
      createRenderer(set);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).diagnostics;
    }
    throw new Error('expected the templates to be rejected');
  }

  it('names the file, line and column of an unknown helper', () => {
    const [d] = diagnosticsOf(withTemplate('# Hi\n\n{{shout student.name}}\n'));
    expect(d).toMatchObject({ file: 'my/packet.md.hbs', line: 3, message: 'unknown helper "shout"' });
    expect(d!.column).toBeGreaterThan(0);
  });

  it('names the line of an unclosed block', () => {
    const [d] = diagnosticsOf(withTemplate('# Hi\n{{#if student.name}}\nyes\n'));
    expect(d).toMatchObject({ file: 'my/packet.md.hbs' });
    expect(d).toMatchObject({ line: 2, column: 1, message: '{{#if}} is never closed' });
  });

  it('names a missing partial with its position', () => {
    const [d] = diagnosticsOf(withTemplate('line one\n  {{> nowhere}}\n'));
    expect(d).toMatchObject({ file: 'my/packet.md.hbs', line: 2, column: 3, message: 'partial "nowhere" does not exist' });
  });

  it('refuses a partial path that tries to leave the templates folder', () => {
    const [d] = diagnosticsOf(withTemplate('{{> ../../etc/passwd}}\n'));
    expect(d!.message).toMatch(/points outside the templates' partials folder/);
    expect(d).toMatchObject({ line: 1, column: 1 });
  });

  it('renders a field the data lacks as empty text', () => {
    const renderer = createRenderer(withTemplate('[{{student.nickname}}] [{{nothing.at.all}}]'));
    expect(renderer.render('packet', escapeView({ student: { name: 'A' } }))).toBe('[] []');
  });
});

describe('templates compiled ahead of time', () => {
  const set = (source: string): TemplateSet => ({ templates: { note: { source, file: 'note.md.hbs' } }, partials: {} });
  const spec = (source: string) => {
    // What scripts/bundled-assets.ts ships: Handlebars.precompile output, evaluated.
    const code = Handlebars.precompile(source, COMPILE_OPTIONS);
    return new Function(`return ${code};`)();
  };

  it('uses a precompiled template while its source is unchanged', () => {
    const precompiled = { templates: { note: { source: 'Hi {{name}}', spec: spec('PRECOMPILED {{name}}') } }, partials: {} };
    expect(createRenderer(set('Hi {{name}}'), { precompiled }).render('note', { name: 'Ana' })).toBe('PRECOMPILED Ana');
  });

  it('compiles the file on disk when it differs from what was precompiled', () => {
    const precompiled = { templates: { note: { source: 'Hi {{name}}', spec: spec('PRECOMPILED {{name}}') } }, partials: {} };
    expect(createRenderer(set('Hello {{name}}'), { precompiled }).render('note', { name: 'Ana' })).toBe('Hello Ana');
  });
});
