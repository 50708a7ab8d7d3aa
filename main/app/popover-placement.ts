/**
 * Where the popover opens: next to the tray icon (below it for a top bar, above it for a bottom task
 * bar), or next to the cursor where the tray's bounds are unknown (Linux), always inside the work area.
 */
import type { Point, Rect } from '../platform/platform';

const GAP = 4;

export function popoverPosition(input: {
  readonly trayBounds: Rect | null;
  readonly cursor: Point;
  readonly size: { readonly width: number; readonly height: number };
  readonly workArea: Rect;
}): Point {
  const { size, workArea } = input;
  const anchor: Rect =
    input.trayBounds && input.trayBounds.width > 0 && input.trayBounds.height > 0
      ? input.trayBounds
      : { x: input.cursor.x, y: input.cursor.y, width: 0, height: 0 };
  const anchorCentreY = anchor.y + anchor.height / 2;
  const inUpperHalf = anchorCentreY < workArea.y + workArea.height / 2;
  let x = Math.round(anchor.x + anchor.width / 2 - size.width / 2);
  let y = inUpperHalf ? anchor.y + anchor.height + GAP : anchor.y - size.height - GAP;
  x = Math.min(Math.max(x, workArea.x + GAP), workArea.x + workArea.width - size.width - GAP);
  y = Math.min(Math.max(y, workArea.y + GAP), workArea.y + workArea.height - size.height - GAP);
  return { x, y };
}
