import { describe, expect, it } from '@jest/globals';
import { applyUpdate, checkpointHistory, historyLimit, initialHistory, redoHistory, undoHistory } from './useJourneyHistory';

describe('journey history', () => {
  it('undoes and redoes recorded edits, and a new edit clears what could be redone', () => {
    let h = initialHistory('a');
    h = applyUpdate(h, 'b', {}, 0);
    h = applyUpdate(h, 'c', {}, 5000);
    expect(h.past).toEqual(['a', 'b']);
    h = undoHistory(h);
    expect(h.present).toBe('b');
    h = undoHistory(undoHistory(h));
    expect(h.present).toBe('a');
    h = redoHistory(h);
    expect(h.present).toBe('b');
    h = applyUpdate(h, 'd', {}, 10_000);
    expect(h.future).toEqual([]);
    expect(redoHistory(h)).toBe(h);
  });

  it('keeps transient changes out of the history and records a drag once', () => {
    let h = initialHistory({ x: 0 });
    h = applyUpdate(h, { x: 1 }, { record: false });
    expect(h.past).toHaveLength(0);
    h = checkpointHistory(h);
    h = applyUpdate(h, { x: 2 }, { record: false });
    h = applyUpdate(h, { x: 3 }, { record: false });
    expect(undoHistory(h).present).toEqual({ x: 1 });
  });

  it('makes quick keystrokes in one field one step, other fields their own', () => {
    let h = initialHistory('');
    h = applyUpdate(h, 'H', { coalesce: 'subject' }, 0);
    h = applyUpdate(h, 'Hi', { coalesce: 'subject' }, 300);
    h = applyUpdate(h, 'Hi!', { coalesce: 'subject' }, 900);
    h = applyUpdate(h, 'Hi!?', { coalesce: 'html' }, 1000);
    h = applyUpdate(h, 'Hi!?.', { coalesce: 'html' }, 5000);
    expect(h.past).toEqual(['', 'Hi!', 'Hi!?']);
  });

  it('forgets the oldest steps past its limit', () => {
    let h = initialHistory(0);
    for (let i = 1; i <= historyLimit + 20; i++) h = applyUpdate(h, i, {}, i * 10_000);
    expect(h.past).toHaveLength(historyLimit);
    expect(h.past[0]).toBe(20);
  });
});
