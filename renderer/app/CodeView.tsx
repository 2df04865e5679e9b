/** The generated Python, side by side with the blocks; the line at the cursor is marked. */
import { memo, useEffect, useMemo, useRef } from 'react';
import { lineAtCursor, useStore } from '../store/store';

/** One source line; a seek re-renders only the two lines whose mark changes. */
const CodeLine = memo(function CodeLine({ no, text, current }: { no: number; text: string; current: boolean }) {
  return (
    <div className={current ? 'code-line current' : 'code-line'}>
      <span className="line-no">{no}</span>
      {text || ' '}
    </div>
  );
});

export function CodeView() {
  const source = useStore((s) => s.source);
  const line = useStore(lineAtCursor);
  const view = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => source.replace(/\n$/, '').split('\n'), [source]);
  useEffect(() => {
    // Scrolling reads layout; on the next frame it is already up to date, while
    // here, in the middle of a seek's commit, it would be forced early.
    const frame = requestAnimationFrame(() => view.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [line]);
  return (
    <pre className="code-view" data-testid="code-view" ref={view}>
      {lines.map((text, i) => (
        <CodeLine key={i} no={i + 1} text={text} current={i + 1 === line} />
      ))}
    </pre>
  );
}
