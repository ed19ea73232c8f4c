/**
 * Scripts run in the page before its own (Playwright init scripts). They time
 * what the user sees with the page's clock (`performance.now()`, 0 = navigation
 * start), so the driver's own latency never counts.
 */

/** `window.__benchShown`: when `selector` first matched, at the frame that paints it (next animation frame). */
export function shownProbe(selector: string): string {
  return `(() => {
    window.__benchShown = null;
    let seen = false;
    const check = () => {
      if (seen || !document.querySelector(${JSON.stringify(selector)})) return;
      seen = true;
      observer.disconnect();
      requestAnimationFrame(() => { window.__benchShown = performance.now(); });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  })();`;
}

/**
 * Every user edit (input, change, click, key) and every GraphQL request with its operation name,
 * and the estimate's state changes (`data-state` of the segment estimate), with their times.
 */
export const editProbe = `(() => {
  const log = (window.__benchLog = { edits: [], requests: [], states: [] });
  for (const type of ['input', 'change', 'click', 'keydown']) document.addEventListener(type, () => log.edits.push(performance.now()), true);
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    const operation = (body.match(/"operationName":"([A-Za-z0-9_]+)"/) || [])[1] || null;
    const entry = { operation, body: operation === 'PreviewSegment' ? body : null, start: performance.now(), end: null, status: null };
    log.requests.push(entry);
    try {
      const response = await originalFetch(input, init);
      entry.status = response.status;
      await response.clone().arrayBuffer();
      entry.end = performance.now();
      return response;
    } catch (error) {
      entry.status = 'failed';
      throw error;
    }
  };
  const watch = () => {
    const estimate = document.querySelector('[data-testid="segment-estimate"]');
    if (!estimate) return requestAnimationFrame(watch);
    const record = () => {
      const state = estimate.getAttribute('data-state');
      // The frame that shows it: the next animation frame after the DOM changed.
      const at = performance.now();
      requestAnimationFrame(() => log.states.push({ state, text: estimate.textContent, at, shown: performance.now() }));
    };
    record();
    new MutationObserver(record).observe(estimate, { attributes: true, attributeFilter: ['data-state'], childList: true, characterData: true, subtree: true });
  };
  document.addEventListener('DOMContentLoaded', watch);
})();`;

/** Animation-frame times while `window.__benchFrames` is an array (the cross-check of the trace's frames). */
export const frameProbe = `(() => {
  window.__benchStartFrames = () => {
    const frames = (window.__benchFrames = []);
    const tick = (t) => {
      if (window.__benchFrames !== frames) return;
      frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  window.__benchStopFrames = () => {
    const frames = window.__benchFrames || [];
    window.__benchFrames = null;
    return frames;
  };
})();`;
