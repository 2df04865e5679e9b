/** Drag through the whole run, event by event. */
import { useStore } from '../store/store';

export function Scrubber() {
  const count = useStore((s) => s.model?.steps.count ?? 0);
  const cursor = useStore((s) => s.cursor);
  const seek = useStore((s) => s.seek);
  return (
    <input
      className="scrubber"
      data-testid="scrubber"
      type="range"
      min={0}
      max={Math.max(0, count - 1)}
      value={Math.min(cursor, Math.max(0, count - 1))}
      disabled={count === 0}
      onChange={(e) => seek(Number(e.target.value))}
      aria-label="position"
    />
  );
}
