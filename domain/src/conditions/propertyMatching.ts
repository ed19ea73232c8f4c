import type { JsonObject } from '../json/json';
import { compare } from './compareValues';
import type { PropertyFilter } from './propertyFilter';
import { valueAtPath } from './valueAtPath';

/** All filters must hold (AND), as in every campaign tool's event filter. */
export function matchesPropertyFilters(properties: JsonObject, filters: readonly PropertyFilter[]): boolean {
  return filters.every((filter) => compare(valueAtPath(properties, filter.property), filter.operator, filter.value));
}
