// attribution-unknown: a unit in an attribution that the configured unit directory (`units` in
// .bulletinrc.json) does not know by that name. An alias gets its canonical name (`通航试验区管委会` →
// `通用航空试验区` when the directory lists it so); a slip gets the nearest canonical name when one is close
// and unambiguous (sample 004 `区域管局` → `区城管局`); anything else is reported without a fix, since guessing
// a unit would put a wrong name into a government document. Silent without a directory; bylines name people,
// not units, and are not checked.

import { attributionsOf } from '../characters';
import { flowText } from '../document';
import type { Rule } from '../rule';

export const attributionUnknown: Rule = {
  id: 'attribution-unknown',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '署名单位不在单位目录中，或未使用规范名称',
    en: 'A unit in an attribution is not in the unit directory, or not under its canonical name.',
  },
  standard: { zh: '本地简报惯例（单位目录 units 中的规范名称）', en: 'House style: canonical unit names from the configured directory (units).' },
  check({ text, document, units, report }) {
    if (units.size === 0) return;
    for (const attribution of attributionsOf(document)) {
      if (attribution.byline) continue;
      for (const unit of attribution.units) {
        const written = flowText(text, unit);
        const known = units.lookup(unit.name);
        if (known && !known.alias) continue;
        if (known) {
          report({
            start: unit.start,
            end: unit.end,
            message: { zh: `署名单位应使用规范名称：“${written}”应为“${known.canonical}”`, en: `Use the unit's canonical name: write "${known.canonical}" for "${written}".` },
            fix: [{ start: unit.start, end: unit.end, text: known.canonical }],
          });
          continue;
        }
        const suggestion = units.nearest(unit.name);
        if (suggestion) {
          report({
            start: unit.start,
            end: unit.end,
            message: { zh: `署名单位“${written}”不在单位目录中，是否应为“${suggestion}”？`, en: `"${written}" is not in the unit directory; did you mean "${suggestion}"?` },
            fix: [{ start: unit.start, end: unit.end, text: suggestion }],
          });
          continue;
        }
        report({
          start: unit.start,
          end: unit.end,
          message: {
            zh: `署名单位“${written}”不在单位目录中：请核对名称，或将其加入配置的 units`,
            en: `"${written}" is not in the unit directory: check the name, or add it to units in the configuration.`,
          },
        });
      }
    }
  },
};
