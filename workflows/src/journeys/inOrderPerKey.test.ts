import { inOrderPerKey } from './inOrderPerKey';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('inOrderPerKey', () => {
  it('keeps each key in order, runs different keys side by side, never more than the limit', async () => {
    const items = ['a1', 'b1', 'a2', 'c1', 'b2', 'a3', 'd1', 'c2'];
    const done: string[] = [];
    let running = 0;
    let most = 0;
    await inOrderPerKey(items, (item) => item[0]!, 2, async (item) => {
      most = Math.max(most, ++running);
      await tick();
      done.push(item);
      running--;
    });
    expect(done.sort()).toEqual([...items].sort());
    for (const key of 'abcd') expect(done.filter((item) => item[0] === key)).toEqual(items.filter((item) => item[0] === key));
    expect(most).toBe(2);
  });

  it('starts no new key after a failure, lets the others finish their item, then throws the first error', async () => {
    const started: string[] = [];
    const finished: string[] = [];
    const run = inOrderPerKey(['a1', 'b1', 'a2', 'c1', 'd1'], (item) => item[0]!, 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 'a1') throw new Error('a1 failed');
      await tick();
      finished.push(item);
    });
    await expect(run).rejects.toThrow('a1 failed');
    expect(started).toEqual(['a1', 'b1']);
    expect(finished).toEqual(['b1']);
  });

  it('does nothing for no items', async () => {
    const work = jest.fn();
    await inOrderPerKey([], () => 'k', 4, work);
    expect(work).not.toHaveBeenCalled();
  });
});
