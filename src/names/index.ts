/** Safe, distinct file and folder names made from people's names. */
export { safeFileName, isReservedName, MAX_NAME_LENGTH } from './safe-file-name.js';
export { uniqueNames } from './unique-names.js';
export { transliterate } from './transliterate.js';
