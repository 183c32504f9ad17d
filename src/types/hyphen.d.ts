/** The US English patterns of the `hyphen` package, a CommonJS module imported by its file. */
declare module 'hyphen/en-us/index.js' {
  import type { HyphenationFunctionSync } from 'hyphen';
  const enUs: { readonly hyphenateSync: HyphenationFunctionSync };
  export default enUs;
}
