/**
 * Where the commented sample kit.yaml lives, relative to the package root.
 * `interview-kit init` copies it next to the user's interview.yaml.
 *
 * @example
 * const text = await readFile(new URL(`../${SAMPLE_KIT_CONFIG_PATH}`, import.meta.url), 'utf8');
 */
export const SAMPLE_KIT_CONFIG_PATH = 'content/examples/kit.yaml';
