import { Type, type Schema } from 'avsc';

/** Outcome of a compatibility check, with avsc's reason when incompatible. */
export type CompatibilityResult =
  { readonly compatible: true } | { readonly compatible: false; readonly reason: string };

/**
 * Whether a reader using `newSchema` can read data written with `oldSchema` (Avro schema
 * resolution, as the registry's BACKWARD rule checks it): added fields need defaults, types
 * may only be promoted, enum symbols may not disappear without a default.
 */
export function checkBackwardCompatibility(
  newSchema: Schema,
  oldSchema: Schema,
): CompatibilityResult {
  const reader = Type.forSchema(newSchema);
  const writer = Type.forSchema(oldSchema);
  try {
    reader.createResolver(writer);
    return { compatible: true };
  } catch (error) {
    return { compatible: false, reason: (error as Error).message };
  }
}

/** Shorthand for {@link checkBackwardCompatibility}`(...).compatible`. */
export function isBackwardCompatible(newSchema: Schema, oldSchema: Schema): boolean {
  return checkBackwardCompatibility(newSchema, oldSchema).compatible;
}
