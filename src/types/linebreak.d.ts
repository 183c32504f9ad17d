/** The `linebreak` package (UAX #14 line breaking), which ships no types. */
declare module 'linebreak' {
  /** A place where a line may (or, when `required`, must) break: before `position`. */
  export interface Break {
    readonly position: number;
    readonly required: boolean;
  }
  /** Iterates the break opportunities of a string. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
