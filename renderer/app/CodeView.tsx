/** The generated Python, side by side with the blocks; the line at the cursor is marked. */
import { useEffect, useRef } from 'react';
import { lineAtCursor, useStore } from '../store/store';

export function CodeView() {
  const source = useStore((s) => s.source);
  const line = useStore(lineAtCursor);
  const current = useRef<HTMLDivElement>(null);
  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [line]);
  const lines = source.replace(/\n$/, '').split('\n');
  return (
    <pre className="code-view" data-testid="code-view">
      {lines.map((text, i) => (
        <div key={i} ref={i + 1 === line ? current : undefined} className={i + 1 === line ? 'code-line current' : 'code-line'}>
          <span className="line-no">{i + 1}</span>
          {text || ' '}
        </div>
      ))}
    </pre>
  );
}
