/** Times as the views write them, infinity included (a timer of asyncio.sleep(math.inf)). */
import { describe, expect, it } from 'vitest';
import { FOREVER, formatSeconds } from '../../shared/trace.js';

describe('formatSeconds', () => {
  it('writes finite times with the digits asked for', () => {
    expect(formatSeconds(1.5, 3)).toBe('1.500');
    expect(formatSeconds(-0.25, 1)).toBe('-0.3');
  });

  it('writes a timer due at ±infinity, recorded as ±FOREVER, as ∞', () => {
    expect(formatSeconds(FOREVER, 3)).toBe('∞');
    expect(formatSeconds(-FOREVER, 3)).toBe('-∞');
    expect(formatSeconds(FOREVER - 5, 0)).toBe('∞'); // a duration up to it is as long
  });
});
