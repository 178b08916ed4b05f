// Validation of configuration objects against the schema, compiled once, with errors that name the key path
// and say in plain words what is wrong (ajv's own messages speak of JSON pointers and anyOf branches).

import { isDeepStrictEqual } from 'node:util';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { rules, type Localized } from '../core';
import { compileValidator } from './compile-validator';
import { ConfigError, reasons } from './errors';
import { buildConfigSchema } from './schema';
import type { RawConfig } from './types';

let compiled: { validate: ValidateFunction; definitions: Record<string, unknown> } | undefined;

function validator(): NonNullable<typeof compiled> {
  if (!compiled) {
    const schema = buildConfigSchema(rules);
    compiled = {
      validate: compileValidator(schema),
      definitions: schema.definitions as Record<string, unknown>,
    };
  }
  return compiled;
}

/** Checks a parsed configuration; throws a ConfigError naming `file` and the offending key. */
export function validateConfig(value: unknown, file: string): RawConfig {
  const { validate, definitions } = validator();
  if (validate(value)) return value as RawConfig;
  const { key, reason } = explain(validate.errors ?? [], definitions);
  throw new ConfigError(file, reason, key || undefined);
}

interface Explained {
  key: string;
  reason: Localized;
}

/**
 * Ajv stops at the first failing keyword but reports every branch of an `anyOf` it tried. The most useful
 * error is the deepest one; when the deepest errors are the branches' own (the value fits no branch at all),
 * the `anyOf` is explained as a whole.
 */
function explain(errors: readonly ErrorObject[], definitions: Record<string, unknown>): Explained {
  const branchFailures = errors.filter(error => error.keyword === 'anyOf');
  const candidates = errors.filter(error => error.keyword !== 'anyOf');
  let deepest = candidates[0];
  for (const error of candidates) if (keySegments(error).length > keySegments(deepest).length) deepest = error;
  if (!deepest) return { key: '', reason: reasons.invalid() };
  const whole = branchFailures.find(failure => failure.instancePath === pointerOf(deepest));
  if (whole) return { key: formatKey(keySegments(whole)), reason: explainAnyOf(whole, definitions) };
  return { key: formatKey(keySegments(deepest)), reason: explainKeyword(deepest) };
}

/** The key path an error is about: the instance path, plus the property it names for unknown or missing keys. */
function keySegments(error: ErrorObject): string[] {
  const segments = error.instancePath.split('/').slice(1).map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  return segments;
}

/** The instance path of the key an error names (for unknown and missing keys, the key itself). */
function pointerOf(error: ErrorObject): string {
  return keySegments(error).map(segment => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `overrides[0].rules.number-grouping`: array indices in brackets, keys joined by dots. */
export function formatKey(segments: readonly string[]): string {
  let key = '';
  for (const segment of segments) key += /^\d+$/.test(segment) ? `[${segment}]` : key ? `.${segment}` : segment;
  return key;
}

/**
 * Which definition an `anyOf` belongs to is told by its schema object (ajv's schemaPath restarts at each $ref),
 * compared by value: the validator compiled at build time carries copies of the schema's objects.
 */
function explainAnyOf(error: ErrorObject, definitions: Record<string, unknown>): Localized {
  if (isDeepStrictEqual(error.parentSchema, definitions.ruleSetting)) return reasons.ruleSetting;
  if (isDeepStrictEqual(error.parentSchema, definitions.unit)) return reasons.unit;
  if (isDeepStrictEqual(error.parentSchema, definitions.globs)) return reasons.globs;
  return reasons.invalid(error.message);
}

function explainKeyword(error: ErrorObject): Localized {
  switch (error.keyword) {
    case 'additionalProperties':
      return error.instancePath.endsWith('/rules') ? reasons.unknownRule(String(error.params.additionalProperty)) : reasons.unknownKey;
    case 'required':
      return reasons.required;
    case 'type':
      return reasons.type(String(error.params.type));
    case 'enum': {
      if (error.schemaPath.endsWith('/severity/enum')) return reasons.severity;
      // The rule of an `ignore` entry: name the unknown rule rather than list thirty ids.
      if (error.schemaPath.endsWith('/rule/enum')) return reasons.unknownRule(String(error.data));
      return reasons.oneOf(error.params.allowedValues as unknown[]);
    }
    case 'minLength':
    case 'minItems':
      return reasons.empty;
    default:
      return reasons.invalid(error.message);
  }
}
