import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { checkPractice } from '../../src/kits/practice-checks.js';
import { selectQuestions } from '../../src/kits/select-questions.js';
import { createRenderer } from '../../src/render/render.js';
import { bundledGuide, bundledTemplates, exampleInterview } from '../helpers/kit.js';

describe('warnings that say the fix', () => {
  it('names the group id to add when a group has no question', () => {
    const guide = bundledGuide();
    const interview = { ...exampleInterview('minimal.yaml'), questions: { include: ['career-field'] } };
    const diagnostics = checkPractice(interview, guide, selectQuestions(interview, guide));
    const missing = diagnostics.find((d) => d.message.startsWith('no questions'))!;
    expect(missing.message).toMatch(/"[^"]+" \(organization\)/);
    expect(missing.hints!.join(' ')).toMatch(/add .*organization.* to questions\.include/);
  });

  it('reports an {{#if}} left open at the line of its opening tag', () => {
    const base = bundledTemplates();
    const source = 'line one\nline two\n  {{#if student.name}}\nHello\nand more\n\nend\n';
    let error: unknown;
    try {
      createRenderer({ templates: { packet: { source, file: 'my/packet.md.hbs' } }, partials: base.partials });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).diagnostics[0]).toMatchObject({ file: 'my/packet.md.hbs', line: 3, column: 3, message: '{{#if}} is never closed', hints: ['close it with {{/if}}'] });
  });
});
