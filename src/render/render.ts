/**
 * The render stage: Handlebars templates + an escaped view → Markdown.
 *
 * Templates are compiled once per renderer with `noEscape` (we escape data
 * for Markdown ourselves, see escape-markdown.ts), `knownHelpersOnly`, and
 * `strict: false`, so a field the data lacks renders as empty text, never as
 * "undefined". Every template problem becomes a Diagnostic naming the
 * template file, line and column.
 *
 * @example
 * const renderer = createRenderer(templateSet);
 * const markdown = renderer.render('packet', escapeView(view));
 */
import Handlebars from 'handlebars';
import { InputError, type Diagnostic } from '../diagnostics.js';
import { helpers } from './helpers.js';
import type { TemplateSet, TemplateSource } from './template-set.js';

/** Renders named templates of one template set. */
export interface Renderer {
  /** Renders template `name` with `view`; throws InputError on template problems. */
  render(name: string, view: object): string;
  /** Names of the templates in the set. */
  readonly names: readonly string[];
}

const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));

/** Compiles every template and partial of `set` and checks partial references. */
export function createRenderer(set: TemplateSet): Renderer {
  const hbs = Handlebars.create();
  const diagnostics: Diagnostic[] = [];
  for (const [name, helper] of Object.entries(helpers)) hbs.registerHelper(name, helper as Handlebars.HelperDelegate);

  const compileOptions: CompileOptions = { noEscape: true, strict: false, knownHelpers, knownHelpersOnly: true };
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const parsedPartials = new Map<string, hbs.AST.Program>();

  for (const [name, partial] of Object.entries(set.partials)) {
    const ast = parseTemplate(partial, diagnostics);
    if (!ast) continue;
    parsedPartials.set(name, ast);
  }
  for (const [name, ast] of parsedPartials) {
    try {
      hbs.registerPartial(name, hbs.compile(ast, compileOptions));
    } catch (error) {
      diagnostics.push(templateDiagnostic(set.partials[name]!, error));
    }
  }
  for (const [name, template] of Object.entries(set.templates)) {
    const ast = parseTemplate(template, diagnostics);
    if (!ast) continue;
    checkPartials(ast, template, set, diagnostics);
    try {
      const fn = hbs.compile(ast, compileOptions);
      // Compile eagerly so helper errors surface now, with positions.
      hbs.precompile(ast, compileOptions);
      compiled.set(name, fn);
    } catch (error) {
      diagnostics.push(templateDiagnostic(template, error));
    }
  }
  for (const [name, ast] of parsedPartials) {
    checkPartials(ast, set.partials[name]!, set, diagnostics);
    try {
      hbs.precompile(ast, compileOptions);
    } catch (error) {
      diagnostics.push(templateDiagnostic(set.partials[name]!, error));
    }
  }
  if (diagnostics.length > 0) throw new InputError(dedupe(diagnostics));

  return {
    names: [...compiled.keys()],
    render(name, view) {
      const fn = compiled.get(name);
      if (!fn) {
        throw new InputError([
          { severity: 'error', message: `there is no template named "${name}"`, hints: [`add ${name}.md.hbs to the templates folder`] },
        ]);
      }
      try {
        return fn(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw new InputError([templateDiagnostic(set.templates[name]!, error)]);
      }
    },
  };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

function parseTemplate(template: TemplateSource, diagnostics: Diagnostic[]): hbs.AST.Program | undefined {
  try {
    return Handlebars.parse(template.source);
  } catch (error) {
    diagnostics.push(templateDiagnostic(template, error));
    return undefined;
  }
}

/** Every `{{> name}}` must name a known partial, by a plain name that cannot leave the folder. */
function checkPartials(ast: hbs.AST.Program, template: TemplateSource, set: TemplateSet, out: Diagnostic[]): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { original?: unknown; type?: string }; loc?: hbs.AST.SourceLocation };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name) {
      const partialName = String(n.name.original ?? '');
      const line = n.loc?.start.line;
      const column = n.loc ? n.loc.start.column + 1 : undefined;
      if (n.name.type !== 'PathExpression' && n.name.type !== 'StringLiteral') {
        out.push({ severity: 'error', message: 'dynamic partial names are not supported', file: template.file, line, column });
      } else if (/(^|[\\/])\.\.([\\/]|$)|^[\\/]|[\\/]/.test(partialName)) {
        out.push({
          severity: 'error',
          message: `partial "${partialName}" points outside the templates' partials folder`,
          file: template.file,
          line,
          column,
          hints: ['name partials by their file name in partials/, e.g. {{> cover}} for partials/cover.hbs'],
        });
      } else if (!(partialName in set.partials) && n.type !== 'PartialBlockStatement') {
        out.push({
          severity: 'error',
          message: `partial "${partialName}" does not exist`,
          file: template.file,
          line,
          column,
          hints: [`create partials/${partialName}.hbs, or use one of: ${Object.keys(set.partials).sort().join(', ') || '(none)'}`],
        });
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
}

/** Turns a Handlebars exception into a positioned diagnostic. */
function templateDiagnostic(template: TemplateSource, error: unknown): Diagnostic {
  const e = error as { message?: string; lineNumber?: number; column?: number; hash?: { loc?: { first_line: number; first_column: number } } };
  let message = String(e.message ?? error);
  let line = e.lineNumber ?? e.hash?.loc?.first_line;
  let column = e.column !== undefined ? e.column + 1 : e.hash?.loc ? e.hash.loc.first_column + 1 : undefined;
  const parse = /^Parse error on line (\d+):\n[\s\S]*?\n(-*)\^\n(.*)$/m.exec(message);
  if (parse) {
    line = Number(parse[1]);
    column = column ?? parse[2]!.length + 1;
    message = `template syntax error: ${parse[3]!.replace(/^Expecting /, 'expected ')}`;
  }
  const pos = / - (\d+):(\d+)$/.exec(message);
  if (pos) {
    line = line ?? Number(pos[1]);
    column = column ?? Number(pos[2]) + 1;
    message = message.slice(0, pos.index);
  }
  const unknownHelper = /You specified knownHelpersOnly, but used the unknown helper (\S+)/.exec(message);
  const hints: string[] = [];
  if (unknownHelper) {
    message = `unknown helper "${unknownHelper[1]}"`;
    hints.push(`available helpers: ${Object.keys(helpers).join(', ')}`);
  }
  const open = /^(\S+) doesn't match (\S+)$/.exec(message);
  if (open) message = `block {{#${open[1]}}} is closed by {{/${open[2]}}}`;
  return { severity: 'error', message, file: template.file, line, column, hints };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
