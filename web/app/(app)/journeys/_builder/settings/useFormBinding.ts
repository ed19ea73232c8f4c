import { useCallback, useMemo, useState } from 'react';
import type { FormBinding } from './controls';
import type { FieldErrors } from './validation';

/**
 * A form over `value` whose errors show once their field was touched (typed
 * in, picked), or all at once when `showAll` (after a validation found
 * problems). Resets what was touched when `scope` changes (another node).
 */
export function useFormBinding(scope: string, value: unknown, errors: FieldErrors, showAll: boolean, onSet: (path: string, value: unknown) => void): FormBinding {
  const [touched, setTouched] = useState<{ scope: string; paths: ReadonlySet<string> }>({ scope, paths: new Set() });
  const paths = touched.scope === scope ? touched.paths : new Set<string>();
  const touch = useCallback(
    (path: string) =>
      setTouched((current) => {
        const base = current.scope === scope ? current.paths : new Set<string>();
        return base.has(path) ? current : { scope, paths: new Set([...base, path]) };
      }),
    [scope],
  );
  return useMemo<FormBinding>(
    () => ({
      value,
      set: (path, next) => {
        if (path) touch(path);
        onSet(path, next);
      },
      error: (path) => {
        const message = errors.get(path);
        if (!message) return undefined;
        const visible = showAll || [...paths].some((t) => t === path || t.startsWith(`${path}.`) || path.startsWith(`${t}.`));
        return visible ? message : undefined;
      },
    }),
    [value, errors, showAll, paths, touch, onSet],
  );
}
