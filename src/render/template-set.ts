/**
 * Templates as data: the render stage never reads files. The CLI loads the
 * bundled `templates/` folder and lays a career office's own folder over it.
 */

/** One template's text and the file it came from (for error positions). */
export interface TemplateSource {
  readonly source: string;
  readonly file: string;
}

/**
 * Named templates (`packet`, `questions`, …, from `packet.md.hbs`) and
 * partials (`cover`, …, from `partials/cover.hbs`).
 */
export interface TemplateSet {
  readonly templates: Readonly<Record<string, TemplateSource>>;
  readonly partials: Readonly<Record<string, TemplateSource>>;
}

/** A set where `over`'s templates and partials replace `base`'s of the same name. */
export function overlayTemplates(base: TemplateSet, over: TemplateSet): TemplateSet {
  return {
    templates: { ...base.templates, ...over.templates },
    partials: { ...base.partials, ...over.partials },
  };
}
