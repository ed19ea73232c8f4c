import type { CDPSession } from 'playwright-core';

/**
 * Drives the canvas with real input events (CDP Input.dispatch*), sent at 120 Hz
 * without waiting for each to be handled: Chromium coalesces them per frame, so
 * the page — not the driver's round trips — limits how many frames it draws.
 * At most a few events are in flight; beyond that, ticks are skipped.
 */
const tickMs = 1000 / 120;
const maxInFlight = 4;

async function drive(seconds: number, send: (elapsedMs: number) => Promise<unknown>): Promise<{ sent: number; skipped: number }> {
  let inFlight = 0;
  let sent = 0;
  let skipped = 0;
  const started = performance.now();
  const pending = new Set<Promise<unknown>>();
  for (let tick = 0; ; tick++) {
    const due = started + tick * tickMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const elapsed = performance.now() - started;
    if (elapsed >= seconds * 1000) break;
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    inFlight++;
    sent++;
    const promise = send(elapsed).finally(() => {
      inFlight--;
      pending.delete(promise);
    });
    pending.add(promise);
  }
  await Promise.all(pending);
  return { sent, skipped };
}

/** Drags the pane: button down at `start`, then circles of `radius` px around it (one every 1.5 s), button up. */
export async function panCircles(cdp: CDPSession, start: { x: number; y: number }, seconds: number, radius = 160) {
  const at = (elapsed: number) => {
    const angle = (elapsed / 1500) * 2 * Math.PI;
    return { x: Math.round(start.x + radius * Math.sin(angle)), y: Math.round(start.y + radius * (1 - Math.cos(angle))) };
  };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: start.x, y: start.y, button: 'none', buttons: 0 });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: start.x, y: start.y, button: 'left', buttons: 1, clickCount: 1 });
  const counts = await drive(seconds, (elapsed) => cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at(elapsed), button: 'left', buttons: 1 }));
  const end = at(seconds * 1000);
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...end, button: 'left', buttons: 0, clickCount: 1 });
  return counts;
}

/** Wheel zoom at `point`: 12 notches in, 12 out, and again, for `seconds`. */
export async function wheelZoom(cdp: CDPSession, point: { x: number; y: number }, seconds: number) {
  let notch = 0;
  return drive(seconds, () => {
    const direction = Math.floor(notch++ / 12) % 2 === 0 ? -1 : 1;
    return cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: point.x, y: point.y, deltaX: 0, deltaY: direction * 40 });
  });
}
