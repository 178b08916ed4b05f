// How alike two texts are, for telling the same item submitted twice: the Dice coefficient of their sets of
// character bigrams, over the text's letters, digits and Han characters only (spacing, punctuation and hard
// wraps differ between two copies of one text and say nothing about its content).

/** The characters that carry content: letters and digits of every script (Han included). */
const CONTENT = /[\p{L}\p{N}]/u;

export function contentOf(text: string): string {
  let content = '';
  for (const char of text) if (CONTENT.test(char)) content += char;
  return content;
}

function bigrams(content: string): Set<string> {
  const chars = [...content];
  const found = new Set<string>();
  for (let index = 1; index < chars.length; index++) found.add(chars[index - 1] + chars[index]);
  return found;
}

/** 1 for the same content, 0 for nothing in common; texts of fewer than two characters compare as unequal. */
export function similarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (!left.size || !right.size) return 0;
  let shared = 0;
  for (const bigram of left) if (right.has(bigram)) shared++;
  return (2 * shared) / (left.size + right.size);
}
