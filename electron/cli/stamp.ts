/** Seconds as the ground-truth runner prints them: 3 decimals, rounded like Python's format. */
export function formatStamp(seconds: number): string {
  return (Math.round(seconds * 1000) / 1000).toFixed(3);
}
