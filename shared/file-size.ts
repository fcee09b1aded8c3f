const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A byte count scaled to the largest binary unit it reaches (1288490 → 1.23 MB); callers round and format. */
export function scaleBytes(bytes: number): { value: number; unit: (typeof byteUnits)[number] } {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return { value, unit: byteUnits[unit] ?? 'B' };
}
