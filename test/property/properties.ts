// The properties of issue 4, each a generator and a check, shared by the normal suite (a few hundred cases with a
// fixed seed), the fuzzer (`npm run fuzz`, 100k cases) and the replay of regression fixtures (which names the
// property a counterexample broke).

import fc from 'fast-check';
import { bulletinText, draftAndNewItem, longLine, splicedText, unicodeText, UNIT_DIRECTORY } from './generators';
import { checkDeterministic, checkFixAll, checkFixKeepsSkeleton, checkLint, checkLocality, lintOptionsFor } from './invariants';

/** The input of one case: a text, for some properties a second one, and the locale they are linted in. */
export interface Case {
  text: string;
  /** `locality`: the whole new item appended to `text`; `deterministic`: the text linted in between. */
  second?: string;
  english: boolean;
}

export interface Property {
  name: string;
  description: string;
  arbitrary: fc.Arbitrary<Case>;
  check(input: Case): void;
  /** Share of the cases of a run: the normal suite's and the fuzzer's totals are split by these weights. */
  weight: number;
}

const withLocale = (texts: fc.Arbitrary<string>): fc.Arbitrary<Case> =>
  fc.tuple(texts, fc.boolean()).map(([text, english]) => ({ text, english }));

const options = (input: Case) => lintOptionsFor(UNIT_DIRECTORY, input.english);

export const PROPERTIES: readonly Property[] = [
  {
    name: 'lint-bulletin',
    description: 'bulletin-like drafts: linting never throws, every range lies inside the text on UTF-16 boundaries',
    arbitrary: withLocale(bulletinText),
    check: input => void checkLint(input.text, options(input)),
    weight: 3,
  },
  {
    name: 'lint-unicode',
    description: 'arbitrary Unicode (lone surrogates, 𠮷, emoji, CR, CRLF, BOM, NUL): linting never throws, ranges are sound',
    arbitrary: withLocale(unicodeText),
    check: input => void checkLint(input.text, options(input)),
    weight: 3,
  },
  {
    name: 'lint-spliced',
    description: 'drafts with arbitrary Unicode spliced in: linting never throws, ranges are sound',
    arbitrary: withLocale(splicedText),
    check: input => void checkLint(input.text, options(input)),
    weight: 2,
  },
  {
    name: 'lint-long-line',
    description: 'very long lines (up to 120k code units): linting never throws, ranges are sound',
    arbitrary: withLocale(longLine),
    check: input => void checkLint(input.text, options(input)),
    weight: 0.1,
  },
  {
    name: 'fix-bulletin',
    description: 'bulletin-like drafts: fix-all converges and changes Han characters, digits and letters only as a rule says',
    arbitrary: withLocale(bulletinText),
    check: input => void checkFixAll(input.text, options(input)),
    weight: 2,
  },
  {
    name: 'fix-hostile',
    description: 'arbitrary and spliced Unicode: fix-all converges and changes characters only as a rule says',
    arbitrary: withLocale(fc.oneof(unicodeText, splicedText)),
    check: input => void checkFixAll(input.text, options(input)),
    weight: 1,
  },
  {
    name: 'fix-keeps-skeleton',
    description: 'fix-all by the rules that may not change characters keeps every Han character, digit and letter in order',
    arbitrary: withLocale(fc.oneof({ weight: 3, arbitrary: bulletinText }, { weight: 1, arbitrary: splicedText })),
    check: input => checkFixKeepsSkeleton(input.text, options(input)),
    weight: 1,
  },
  {
    name: 'locality',
    description: 'appending a whole new item changes nothing reported on the draft before it',
    arbitrary: fc.tuple(draftAndNewItem, fc.boolean()).map(([{ draft, next }, english]) => ({ text: draft, second: next, english })),
    check: input => checkLocality(input.text, input.second ?? '', options(input)),
    weight: 2,
  },
  {
    name: 'deterministic',
    description: 'linting a text gives the same problems whatever was linted before',
    arbitrary: fc.tuple(bulletinText, fc.oneof(bulletinText, unicodeText), fc.boolean()).map(([text, other, english]) => ({ text, second: other, english })),
    check: input => checkDeterministic(input.text, input.second ?? '', options(input)),
    weight: 0.5,
  },
];

export const propertyByName: ReadonlyMap<string, Property> = new Map(PROPERTIES.map(property => [property.name, property]));

/** Splits a total number of cases over the properties by weight (at least one case each). */
export function casesFor(property: Property, total: number): number {
  const weights = PROPERTIES.reduce((sum, candidate) => sum + candidate.weight, 0);
  return Math.max(1, Math.round((total * property.weight) / weights));
}
