// Draws one sampled frame on the canvas: the arena floor and walls of the joined map, pickups,
// projectiles, ships with names, colors, health and shields, and the effects. Knows the camera's
// transform and the look; no state of the match of its own.

import { isLance } from './decoder.js';
import { alive } from './timeline.js';

const SHIP_RADIUS = 18; // Rules.SHIP_RADIUS
const PROJECTILE_RADIUS = 3;
const PICKUP_RADIUS = 14;
const GRID = 64;
const COLORS = {
  space: '#070b16', floor: '#121a2c', grid: '#1a2540', border: '#3fd0ff', wall: '#27324f', wallTop: '#3a4a78',
  wallEdge: '#5f7bc4', health: '#3ef08a', healthLow: '#ff5a4e', power: '#ff9f1c', lance: '#c77dff', shield: '#8fe8ff',
  text: '#e8eefc',
};
/** A lance's streak is this much longer than a gun shot's: it flies twice as fast (§7.6). */
const SHOT_TRAIL = 14;
const LANCE_TRAIL = 46;
const FALLBACK = ['#4cc9f0', '#f72585', '#b5e48c', '#ffd166', '#9b5de5', '#f15bb5', '#00f5d4', '#fb8500'];

/** The roster's 0xRRGGBB, or a stable pick by id (as the desktop client's Palette). */
export function shipColor(id, rgb) {
  if (rgb) {
    return `#${rgb.toString(16).padStart(6, '0')}`;
  }
  return FALLBACK[(((id * 7 + 3) % FALLBACK.length) + FALLBACK.length) % FALLBACK.length];
}

export class Renderer {
  constructor(canvas) {
    this.canvas = canvas;
    this.g = canvas.getContext('2d');
  }

  /** Matches the canvas's pixels to its size on screen; returns that size in CSS pixels. */
  fit() {
    const ratio = window.devicePixelRatio || 1;
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
      this.canvas.width = Math.round(w * ratio);
      this.canvas.height = Math.round(h * ratio);
    }
    this.ratio = ratio;
    return { width: w, height: h };
  }

  /**
   * @param frame a Timeline sample (or null before the first world)
   * @param look  id → { name, color, online }
   */
  draw(map, frame, camera, look, effects, nowMs, size) {
    const g = this.g;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = COLORS.space;
    g.fillRect(0, 0, this.canvas.width, this.canvas.height);
    const s = camera.scale * this.ratio;
    g.setTransform(s, 0, 0, s, (size.width / 2 - camera.x * camera.scale) * this.ratio,
      (size.height / 2 - camera.y * camera.scale) * this.ratio);
    this.arena(map);
    if (frame) {
      this.pickups(frame.pickups, frame.tick);
      this.projectiles(frame.projectiles, look);
      for (const placed of frame.ships) {
        this.ship(placed, frame.tick, look.get(placed.ship.id), camera);
      }
    }
    effects.draw(g, nowMs);
  }

  arena(map) {
    const g = this.g;
    g.fillStyle = COLORS.floor;
    g.fillRect(0, 0, map.width, map.height);
    g.strokeStyle = COLORS.grid;
    g.lineWidth = 1;
    g.beginPath();
    for (let x = GRID; x < map.width; x += GRID) {
      g.moveTo(x, 0);
      g.lineTo(x, map.height);
    }
    for (let y = GRID; y < map.height; y += GRID) {
      g.moveTo(0, y);
      g.lineTo(map.width, y);
    }
    g.stroke();
    for (const w of map.walls) {
      g.fillStyle = COLORS.wall;
      g.fillRect(w.x, w.y, w.width, w.height);
      g.fillStyle = COLORS.wallTop;
      g.fillRect(w.x, w.y, w.width, Math.min(w.height, 6));
      g.strokeStyle = COLORS.wallEdge;
      g.lineWidth = 1.5;
      g.strokeRect(w.x + 0.75, w.y + 0.75, w.width - 1.5, w.height - 1.5);
    }
    g.strokeStyle = COLORS.border;
    g.lineWidth = 4;
    g.shadowColor = COLORS.border;
    g.shadowBlur = 12;
    g.strokeRect(0, 0, map.width, map.height);
    g.shadowBlur = 0;
  }

  pickups(pickups, tick) {
    const g = this.g;
    for (const p of pickups) {
      const ready = tick >= p.availableAt;
      const color = COLORS[p.kind];
      g.globalAlpha = ready ? 1 : 0.25;
      g.strokeStyle = color;
      g.lineWidth = 2;
      g.beginPath();
      g.arc(p.x, p.y, PICKUP_RADIUS, 0, Math.PI * 2);
      g.stroke();
      if (ready) {
        g.fillStyle = color;
        const a = PICKUP_RADIUS * 0.55;
        if (p.kind === 'health') {
          g.fillRect(p.x - a, p.y - a * 0.3, a * 2, a * 0.6);
          g.fillRect(p.x - a * 0.3, p.y - a, a * 0.6, a * 2);
        } else if (p.kind === 'lance') {
          // A lance pointing up and right, as the desktop client draws it: shaft, guard, diamond head.
          g.strokeStyle = color;
          g.lineWidth = a * 0.22;
          g.beginPath();
          g.moveTo(p.x - a, p.y + a);
          g.lineTo(p.x + a * 0.15, p.y - a * 0.15);
          g.moveTo(p.x - a * 0.55, p.y + a * 0.05);
          g.lineTo(p.x - a * 0.05, p.y + a * 0.55);
          g.stroke();
          g.beginPath();
          g.moveTo(p.x + a, p.y - a);
          g.lineTo(p.x + a * 0.05, p.y - a * 0.35);
          g.lineTo(p.x - a * 0.05, p.y - a * 0.05);
          g.lineTo(p.x + a * 0.05, p.y + a * 0.05);
          g.closePath();
          g.fill();
        } else {
          g.beginPath();
          g.moveTo(p.x + a * 0.2, p.y - a);
          g.lineTo(p.x - a * 0.6, p.y + a * 0.15);
          g.lineTo(p.x, p.y + a * 0.15);
          g.lineTo(p.x - a * 0.2, p.y + a);
          g.lineTo(p.x + a * 0.6, p.y - a * 0.15);
          g.lineTo(p.x, p.y - a * 0.15);
          g.closePath();
          g.fill();
        }
      }
    }
    g.globalAlpha = 1;
  }

  projectiles(projectiles, look) {
    const g = this.g;
    for (const { projectile: p, x, y } of projectiles) {
      const color = look.get(p.ownerId)?.color ?? '#ffffff';
      const speed = Math.hypot(p.vx, p.vy) || 1;
      const lance = isLance(p);
      const trail = lance ? LANCE_TRAIL : SHOT_TRAIL;
      g.strokeStyle = color;
      g.globalAlpha = 0.5;
      g.lineWidth = PROJECTILE_RADIUS * 2;
      g.lineCap = 'round';
      g.beginPath();
      g.moveTo(x - (p.vx / speed) * trail, y - (p.vy / speed) * trail);
      g.lineTo(x, y);
      g.stroke();
      g.globalAlpha = 1;
      if (lance) {
        // The lance itself: a white-hot shaft down the middle of its streak.
        g.strokeStyle = '#ffffff';
        g.lineWidth = PROJECTILE_RADIUS;
        g.beginPath();
        g.moveTo(x - (p.vx / speed) * trail * 0.7, y - (p.vy / speed) * trail * 0.7);
        g.lineTo(x, y);
        g.stroke();
      }
      g.fillStyle = '#ffffff';
      g.beginPath();
      g.arc(x, y, PROJECTILE_RADIUS * 1.5, 0, Math.PI * 2);
      g.fill();
    }
  }

  ship({ ship, x, y, aim }, tick, look, camera) {
    if (!alive(ship)) {
      return;
    }
    const g = this.g;
    const color = look?.color ?? shipColor(ship.id, 0);
    const r = SHIP_RADIUS;
    if (tick < ship.powerUntil) {
      g.fillStyle = 'rgba(255,159,28,0.25)';
      g.beginPath();
      g.arc(x, y, r * 1.6, 0, Math.PI * 2);
      g.fill();
    }
    g.save();
    g.translate(x, y);
    g.rotate(aim);
    g.fillStyle = color;
    g.strokeStyle = '#ffffff';
    g.lineWidth = 1.5;
    g.beginPath();
    g.moveTo(r * 1.15, 0);
    g.lineTo(-r * 0.8, r * 0.75);
    g.lineTo(-r * 0.45, 0);
    g.lineTo(-r * 0.8, -r * 0.75);
    g.closePath();
    g.fill();
    g.stroke();
    g.restore();
    if (tick < ship.invulnerableUntil) {
      g.strokeStyle = COLORS.shield;
      g.lineWidth = 2;
      g.beginPath();
      g.arc(x, y, r * 1.35, 0, Math.PI * 2);
      g.stroke();
    }
    if (camera.mode === 'follow' && camera.followId === ship.id) {
      g.strokeStyle = '#ffffff';
      g.setLineDash([4, 4]);
      g.lineWidth = 1;
      g.beginPath();
      g.arc(x, y, r * 1.9, 0, Math.PI * 2);
      g.stroke();
      g.setLineDash([]);
    }
    // Labels keep their size on screen whatever the zoom.
    const px = 1 / camera.scale;
    g.font = `${Math.round(13)}px system-ui, sans-serif`;
    g.save();
    g.translate(x, y);
    g.scale(px, px);
    const name = look?.name ?? `#${ship.id}`;
    const top = -r * camera.scale - 12;
    g.textAlign = 'center';
    g.fillStyle = '#000a';
    g.fillText(name, 1, top - 6 + 1);
    g.fillStyle = COLORS.text;
    g.fillText(name, 0, top - 6);
    const bw = 36;
    const frac = Math.max(0, Math.min(1, ship.health / 100));
    g.fillStyle = '#000a';
    g.fillRect(-bw / 2 - 1, top - 1, bw + 2, 6);
    g.fillStyle = frac > 0.35 ? COLORS.health : COLORS.healthLow;
    g.fillRect(-bw / 2, top, bw * frac, 4);
    g.restore();
  }
}
