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
/**
 * Templates compiled ahead of time (`Handlebars.precompile`, evaluated), by
 * name, each with the source it was compiled from: used only while the
 * source is still exactly that.
 */
export interface PrecompiledTemplates {
  readonly templates: Readonly<Record<string, { readonly source: string; readonly spec: TemplateSpecification }>>;
  readonly partials: Readonly<Record<string, { readonly source: string; readonly spec: TemplateSpecification }>>;
}

/** Options of createRenderer. */
export interface RendererOptions {
  /** Ahead-of-time compiled templates (the bundled ones), to skip parsing and compiling them. */
  readonly precompiled?: PrecompiledTemplates;
}

export function createRenderer(set: TemplateSet, options: RendererOptions = {}): Renderer {
  const hbs = Handlebars.create();
  const diagnostics: Diagnostic[] = [];
  for (const [name, helper] of Object.entries(helpers)) hbs.registerHelper(name, helper as Handlebars.HelperDelegate);

  const compileOptions: CompileOptions = COMPILE_OPTIONS;
  const compiled = new Map<string, HandlebarsTemplateDelegate>();

  // Parse and check everything now, so every mistake of every file is reported
  // at once with its position; Handlebars compiles each template lazily, on
  // its first render.
  const prepare = (kind: 'templates' | 'partials', name: string, template: TemplateSource) => {
    const entry = options.precompiled?.[kind][name];
    if (entry && entry.source === template.source) return hbs.template(entry.spec);
    const ast = parseTemplate(template, diagnostics);
    if (!ast) return undefined;
    checkTemplate(ast, template, set, diagnostics);
    return hbs.compile(ast, compileOptions);
  };
  for (const [name, partial] of Object.entries(set.partials)) {
    const fn = prepare('partials', name, partial);
    if (fn) hbs.registerPartial(name, fn);
  }
  for (const [name, template] of Object.entries(set.templates)) {
    const fn = prepare('templates', name, template);
    if (fn) compiled.set(name, fn);
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
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The options templates are compiled with, ahead of time or at run time. */
export const COMPILE_OPTIONS = { noEscape: true, strict: false, knownHelpers, knownHelpersOnly: true } as const;

function parseTemplate(template: TemplateSource, diagnostics: Diagnostic[]): hbs.AST.Program | undefined {
  try {
    return Handlebars.parse(template.source);
  } catch (error) {
    diagnostics.push(templateDiagnostic(template, error));
    return undefined;
  }
}

/** Helpers Handlebars itself provides. */
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

/**
 * Checks a template's helper calls and partial references: every helper
 * called with arguments must exist, and every `{{> name}}` must name a known
 * partial by a plain name that cannot leave the folder.
 */
function checkTemplate(ast: hbs.AST.Program, template: TemplateSource, set: TemplateSet, out: Diagnostic[]): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as {
      type?: string;
      name?: { original?: unknown; type?: string };
      path?: { type?: string; original?: unknown; parts?: unknown[]; data?: boolean };
      params?: unknown[];
      hash?: { pairs?: unknown[] };
      loc?: hbs.AST.SourceLocation;
    };
    const call = n.type === 'SubExpression' || ((n.type === 'MustacheStatement' || n.type === 'BlockStatement') && ((n.params?.length ?? 0) > 0 || (n.hash?.pairs?.length ?? 0) > 0));
    if (call && n.path?.type === 'PathExpression' && !n.path.data && n.path.parts?.length === 1) {
      const helper = String(n.path.original);
      if (!(helper in helpers) && !BUILTIN_HELPERS.has(helper)) {
        out.push({
          severity: 'error',
          message: `unknown helper "${helper}"`,
          file: template.file,
          line: n.loc?.start.line,
          column: n.loc ? n.loc.start.column + 1 : undefined,
          hints: [`available helpers: ${Object.keys(helpers).join(', ')}`],
        });
      }
    }
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

/** The innermost block opened ({{#name}}) and not closed in `source`, with its 1-based line and column. */
function unclosedBlock(source: string): { name: string; line: number; column: number } | undefined {
  const stack: { name: string; index: number }[] = [];
  for (const m of source.matchAll(/\{\{~?\s*([#/])\s*\*?\s*([^\s}~]+)/g)) {
    if (m[1] === '#') stack.push({ name: m[2]!, index: m.index });
    else stack.pop();
  }
  const top = stack.at(-1);
  if (!top) return undefined;
  const before = source.slice(0, top.index);
  return { name: top.name, line: before.split('\n').length, column: top.index - before.lastIndexOf('\n') };
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
  if (/got 'EOF'$/.test(message)) {
    // The file ended inside a block: point at the block that was never closed.
    const unclosed = unclosedBlock(template.source);
    if (unclosed) {
      line = unclosed.line;
      column = unclosed.column;
      message = `{{#${unclosed.name}}} is never closed`;
      hints.push(`close it with {{/${unclosed.name}}}`);
    }
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
