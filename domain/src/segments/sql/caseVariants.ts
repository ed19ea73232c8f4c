/** U+212A KELVIN SIGN: the one non-ASCII character JavaScript's `toLowerCase` turns into ASCII ("k"). */
const kelvinSign = '\u212A';

const spellings = (char: string): string[] => (char === 'k' ? ['k', 'K', kelvinSign] : char.toUpperCase() === char ? [char] : [char, char.toUpperCase()]);

/**
 * Every string whose `toLowerCase()` is `lowered` (ASCII, already in lower case): each letter in
 * either case, and "k" also as the Kelvin sign; null when there would be more than `limit`.
 * Segments compare text case-insensitively as journeys do (`toLowerCase` on both sides); a value
 * looked up among these spellings needs no case fold per row (see `lowerTextInSql`).
 */
export function caseVariants(lowered: string, limit: number): string[] | null {
  let count = 1;
  for (const char of lowered) {
    count *= spellings(char).length;
    if (count > limit) return null;
  }
  let variants = [''];
  for (const char of lowered) {
    const options = spellings(char);
    variants = variants.flatMap((prefix) => options.map((option) => prefix + option));
  }
  return variants;
}
