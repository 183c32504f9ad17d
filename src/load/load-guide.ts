/**
 * Loads the guide content (`content/guide.yaml`, or a career office's own)
 * with the same checks and messages as an interview, plus the guide's own
 * rule: question and group ids are unique.
 *
 * @example
 * const { value: guide, diagnostics } = loadGuide(text, 'content/guide.yaml');
 */
import type { Diagnostic } from '../diagnostics.js';
import { guideSchema, type Guide } from './content-schema.js';
import { loadYaml, sortDiagnostics } from './load-yaml.js';
import { rememberSource } from './source-registry.js';
import type { YamlSource } from './yaml-source.js';

/** Validates `text` (the content of `file`) as a guide. Pure: no file system. */
export function loadGuide(text: string, file: string): { value?: Guide; diagnostics: Diagnostic[] } {
  const result = loadYaml(text, file, guideSchema, { what: 'a guide file', maxBytes: 4 * 1024 * 1024 });
  if (!result.value || !result.source) return { diagnostics: result.diagnostics };
  const duplicates = checkUniqueIds(result.value, result.source);
  if (duplicates.length > 0) return { diagnostics: sortDiagnostics([...result.diagnostics, ...duplicates]) };
  rememberSource(result.value, result.source);
  return { value: result.value, diagnostics: result.diagnostics };
}

/** Every group id and question id must be used once across the whole guide. */
function checkUniqueIds(guide: Guide, source: YamlSource): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  const check = (id: string, path: PropertyKey[]) => {
    const where = seen.get(id);
    if (where !== undefined) {
      const first = source.locate(where.split('\u0000').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
      diagnostics.push({
        severity: 'error',
        message: `the id "${id}" is used twice`,
        file: source.file,
        field: 'question_groups',
        ...source.locate(path),
        hints: [`it is already used on line ${first.line}; ids must be unique because interviews refer to them`],
      });
    } else seen.set(id, path.join('\u0000'));
  };
  guide.question_groups.forEach((group, g) => {
    check(group.id, ['question_groups', g, 'id']);
    group.questions.forEach((q, i) => check(q.id, ['question_groups', g, 'questions', i, 'id']));
  });
  return diagnostics;
}
