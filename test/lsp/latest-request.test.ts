// The client's status bar asks the server for a folder's summary on every editor switch and save; the answers can
// come back in any order, and only the latest request's may reach the status bar.

import * as assert from 'node:assert/strict';
import { LatestRequest } from '../../client/src/latest';

/** A request whose answer the test gives when it chooses. */
function pending<T>(): { request: () => Promise<T>; answer: (value: T) => void } {
  let answer!: (value: T) => void;
  const promise = new Promise<T>(resolve => { answer = resolve; });
  return { request: () => promise, answer };
}

describe('client: only the latest summary request reaches the status bar', () => {
  it('drops an earlier request\'s answer that comes after the later one\'s', async () => {
    const latest = new LatestRequest();
    const shown: string[] = [];
    const folderA = pending<string>();
    const folderB = pending<string>();
    const runs = [latest.run(folderA.request, answer => shown.push(answer)), latest.run(folderB.request, answer => shown.push(answer))];
    folderB.answer('B');
    await runs[1];
    folderA.answer('A');
    await runs[0];
    assert.deepEqual(shown, ['B']);
  });

  it('drops an earlier request\'s answer that comes first too, and uses each request\'s once they are apart', async () => {
    const latest = new LatestRequest();
    const shown: string[] = [];
    const folderA = pending<string>();
    const folderB = pending<string>();
    const runs = [latest.run(folderA.request, answer => shown.push(answer)), latest.run(folderB.request, answer => shown.push(answer))];
    folderA.answer('A');
    folderB.answer('B');
    await Promise.all(runs);
    await latest.run(async () => 'C', answer => shown.push(answer));
    assert.deepEqual(shown, ['B', 'C']);
  });
});
