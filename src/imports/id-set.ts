// The ids already seen in an import file, with the line of their first occurrence, for duplicate
// detection over up to millions of rows.
//
// A Map<string, number> of 1,000,000 ids costs ~600 ms and ~70 MB (the strings stay alive and are
// promoted by the GC). Almost every platform's ids are decimal numbers (Telegram, VK, OK, WhatsApp
// phone numbers, Messenger/Instagram scoped ids), so those — digits only, no leading zero, at most
// 18 digits — are kept as two uint32 halves (leading digits + 1, last 9 digits) in an
// open-addressing table: 12 bytes a slot (24 MB for 1,000,000 ids). Other ids (Viber's
// base64 ids, sandbox names) go to a Map. Exact: no hashing shortcut can merge two ids.

const EMPTY = 0;
/** Words per slot in `table`: leading digits + 1 (0 = empty slot), last 9 digits, first line. */
const STRIDE = 3;
const INITIAL_SLOTS = 1 << 14;

export class SeenIds {
  /** One array, so that a lookup costs one cache miss, not three. */
  private table = new Uint32Array(INITIAL_SLOTS * STRIDE);
  private mask = INITIAL_SLOTS - 1;
  private numeric = 0;
  private readonly other = new Map<string, number>();

  get size(): number {
    return this.numeric + this.other.size;
  }

  /** The line where `id` was first added, or 0 after adding it now with `line` (lines start at 1). */
  firstLineOrAdd(id: string, line: number): number {
    const len = id.length;
    const c0 = id.charCodeAt(0);
    if (len > 18 || len === 0 || c0 < 0x31 || c0 > 0x39) return this.otherFirstLineOrAdd(id, line);
    let hi = 0;
    let lo = 0;
    const split = len - 9; // digits before the last 9
    for (let i = 0; i < len; i++) {
      const d = id.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) return this.otherFirstLineOrAdd(id, line);
      if (i < split) hi = hi * 10 + d;
      else lo = lo * 10 + d;
    }
    hi += 1;
    const table = this.table;
    const mask = this.mask;
    let slot = hash(hi, lo) & mask;
    for (;;) {
      const at = slot * STRIDE;
      const h = table[at];
      if (h === EMPTY) {
        table[at] = hi;
        table[at + 1] = lo;
        table[at + 2] = line;
        if (++this.numeric * 2 > mask) this.grow();
        return 0;
      }
      if (h === hi && table[at + 1] === lo) return table[at + 2];
      slot = (slot + 1) & mask;
    }
  }

  private otherFirstLineOrAdd(id: string, line: number): number {
    const first = this.other.get(id);
    if (first !== undefined) return first;
    this.other.set(id, line);
    return 0;
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Uint32Array(slots * STRIDE);
    const mask = slots - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      const h = old[at];
      if (h === EMPTY) continue;
      let slot = hash(h, old[at + 1]) & mask;
      while (table[slot * STRIDE] !== EMPTY) slot = (slot + 1) & mask;
      const to = slot * STRIDE;
      table[to] = h;
      table[to + 1] = old[at + 1];
      table[to + 2] = old[at + 2];
    }
    this.table = table;
    this.mask = mask;
  }
}

function hash(hi: number, lo: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
