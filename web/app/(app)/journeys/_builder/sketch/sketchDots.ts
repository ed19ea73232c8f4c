import type { Viewport } from '@xyflow/react';

/** The canvas's dotted background (React Flow's <Background> in JourneyCanvas): the sketch draws it too while it hides it. */
export const canvasDots = { gap: 22, size: 1.4, colour: '#c9d1dc' } as const;

/** One tile of the dot pattern, redrawn when the zoom changes (a zoom gesture: at every frame; a few dozen pixels). */
let dotTile: { canvas: HTMLCanvasElement; key: string; ctx: CanvasRenderingContext2D; pattern: CanvasPattern } | null = null;

/**
 * The background's dots as React Flow's <Background> places them (a tile of `gap × zoom` whose
 * origin follows the pan, shifted by half a tile), as one pattern fill over the whole canvas.
 */
export function drawDots(ctx: CanvasRenderingContext2D, viewport: Viewport, size: { width: number; height: number; pixelRatio: number }) {
  const gap = canvasDots.gap * viewport.zoom || 1;
  const radius = (canvasDots.size * viewport.zoom) / 2;
  const tilePx = Math.max(1, Math.round(gap * size.pixelRatio));
  const key = `${tilePx}|${radius}|${gap}`;
  if (dotTile?.key !== key || dotTile.ctx !== ctx) {
    const canvas = dotTile?.canvas ?? document.createElement('canvas');
    [canvas.width, canvas.height] = [tilePx, tilePx];
    const tile = canvas.getContext('2d')!;
    const scale = tilePx / gap;
    tile.fillStyle = canvasDots.colour;
    tile.beginPath();
    tile.arc(radius * scale, radius * scale, radius * scale, 0, 2 * Math.PI);
    tile.fill();
    dotTile = { canvas, key, ctx, pattern: ctx.createPattern(canvas, 'repeat')! };
  }
  const originX = (viewport.x % gap) - gap / 2;
  const originY = (viewport.y % gap) - gap / 2;
  dotTile.pattern.setTransform(new DOMMatrix().translateSelf(originX * size.pixelRatio, originY * size.pixelRatio).scaleSelf((gap * size.pixelRatio) / tilePx));
  ctx.fillStyle = dotTile.pattern;
  ctx.fillRect(0, 0, size.width * size.pixelRatio, size.height * size.pixelRatio);
}
