import { describe, expect, it } from '@jest/globals';
import { friendlyMessage, nodeFieldErrors } from './validation';

describe('friendlyMessage', () => {
  it('words zod bounds as the builder does', () => {
    expect(friendlyMessage('Too big: expected number to be <=100')).toBe('must be at most 100');
    expect(friendlyMessage('Too small: expected number to be >=1')).toBe('must be at least 1');
    expect(friendlyMessage('Too small: expected number to be >0')).toBe('must be greater than 0');
    expect(friendlyMessage('Too big: expected array to have <=50 items')).toBe('must be at most 50 items');
    expect(friendlyMessage('Invalid input: expected string, received undefined')).toBe('is required');
    expect(friendlyMessage('must not be empty')).toBe('must not be empty');
  });

  it('gives a random split share over 100% a readable error next to the share', () => {
    const errors = nodeFieldErrors({ id: 'r', type: 'randomSplit', settings: { branches: [{ key: 'a', percent: 120 }, { key: 'b', percent: 50 }], controlPercent: 0 } });
    expect(errors.get('branches.0.percent')).toBe('must be at most 100');
  });
});
