// Where the view looks: the whole arena, one followed ship, or a free camera the viewer pans
// (drag) and zooms (wheel). Pure arithmetic; the UI feeds it input, the renderer its transform.

const MIN_ZOOM = 0.25;
const MAX_ZOOM = 4;
/** Following a ship: how much of the arena's shorter side the view spans. */
const FOLLOW_SPAN = 0.6;
/** Per second: how fast the view glides to its target. */
const GLIDE = 8;

export class Camera {
  constructor() {
    this.mode = 'arena'; // 'arena' | 'follow' | 'free'
    this.followId = 0;
    this.x = 0;
    this.y = 0;
    this.scale = 1;
    this.freeScale = 1;
  }

  overview() {
    this.mode = 'arena';
    this.followId = 0;
  }

  follow(id) {
    this.mode = 'follow';
    this.followId = id;
  }

  /** The next (step 1) or previous (step −1) ship after the one followed, by id. */
  cycle(shipIds, step) {
    if (shipIds.length === 0) {
      return;
    }
    const sorted = [...shipIds].sort((a, b) => a - b);
    const at = sorted.indexOf(this.followId);
    const next = at < 0 ? (step > 0 ? 0 : sorted.length - 1) : (at + step + sorted.length) % sorted.length;
    this.follow(sorted[next]);
  }

  pan(dxPixels, dyPixels) {
    if (this.mode !== 'free') {
      this.freeScale = this.scale;
      this.mode = 'free';
      this.followId = 0;
    }
    this.x -= dxPixels / this.scale;
    this.y -= dyPixels / this.scale;
  }

  zoom(factor) {
    if (this.mode !== 'free') {
      this.pan(0, 0);
    }
    this.freeScale = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.freeScale * factor));
  }

  /**
   * Moves towards this frame's target; `followed` is the followed ship's drawn position (or null
   * when it is gone, and the view stays put).
   */
  update(map, width, height, followed, dtSeconds) {
    const fit = Math.min(width / map.width, height / map.height) * 0.95;
    let tx = this.x;
    let ty = this.y;
    let ts = this.scale;
    if (this.mode === 'arena') {
      tx = map.width / 2;
      ty = map.height / 2;
      ts = fit;
    } else if (this.mode === 'follow') {
      ts = Math.min(width, height) / (Math.min(map.width, map.height) * FOLLOW_SPAN);
      if (followed) {
        tx = followed.x;
        ty = followed.y;
      }
    } else {
      ts = this.freeScale;
    }
    const k = this.mode === 'free' || !this.placed ? 1 : 1 - Math.exp(-GLIDE * dtSeconds);
    this.placed = true;
    this.x += (tx - this.x) * k;
    this.y += (ty - this.y) * k;
    this.scale += (ts - this.scale) * k;
  }

  /** Screen pixel → world point. */
  toWorld(px, py, width, height) {
    return { x: this.x + (px - width / 2) / this.scale, y: this.y + (py - height / 2) / this.scale };
  }
}
