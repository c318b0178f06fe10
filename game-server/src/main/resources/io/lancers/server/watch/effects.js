// Short-lived eye candy from a frame's events (§7.8): sparks where a shot hit, a burst where a
// ship died, a ring where one spawned or took a pickup. Times are ms; drawn in world units.

const LIFETIME_MS = { hit: 300, kill: 700, spawn: 500, pickupTaken: 400 };

export class Effects {
  constructor() {
    this.live = [];
  }

  clear() {
    this.live = [];
  }

  /** Starts an effect per event at the ship it concerns, drawn where `place(id)` says it is now. */
  add(events, place, nowMs) {
    for (const e of events) {
      const id = e.kind === 'hit' ? e.targetId : e.kind === 'kill' ? e.victimId : e.shipId;
      const at = place(id);
      if (at) {
        this.live.push({ kind: e.kind, x: at.x, y: at.y, born: nowMs });
      }
    }
  }

  draw(g, nowMs) {
    this.live = this.live.filter((e) => nowMs - e.born < LIFETIME_MS[e.kind]);
    for (const e of this.live) {
      const t = (nowMs - e.born) / LIFETIME_MS[e.kind];
      g.globalAlpha = 1 - t;
      if (e.kind === 'hit') {
        g.fillStyle = '#fff3b0';
        for (let i = 0; i < 6; i++) {
          const a = (i / 6) * Math.PI * 2 + e.born;
          const d = 6 + 18 * t;
          g.beginPath();
          g.arc(e.x + Math.cos(a) * d, e.y + Math.sin(a) * d, 2.5 * (1 - t) + 0.5, 0, Math.PI * 2);
          g.fill();
        }
      } else if (e.kind === 'kill') {
        const r = 10 + 50 * t;
        const glow = g.createRadialGradient(e.x, e.y, 0, e.x, e.y, r);
        glow.addColorStop(0, '#fff6d0');
        glow.addColorStop(0.4, '#ff9f1c');
        glow.addColorStop(1, 'rgba(255,60,30,0)');
        g.fillStyle = glow;
        g.beginPath();
        g.arc(e.x, e.y, r, 0, Math.PI * 2);
        g.fill();
      } else {
        g.strokeStyle = e.kind === 'spawn' ? '#8fe8ff' : '#3ef08a';
        g.lineWidth = 3;
        g.beginPath();
        g.arc(e.x, e.y, 18 + 30 * t, 0, Math.PI * 2);
        g.stroke();
      }
    }
    g.globalAlpha = 1;
  }
}
