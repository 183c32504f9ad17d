/** Text files the page's bundle includes as strings (scripts/build-web.mjs). */
declare module '*.yaml' {
  const text: string;
  export default text;
}

/** The bundled templates compiled by the build (dist/templates.js). */
declare module 'interview-kit:templates' {
  import type { PrecompiledTemplates } from '../render/render.js';
  export const templates: PrecompiledTemplates['templates'];
  export const partials: PrecompiledTemplates['partials'];
}
