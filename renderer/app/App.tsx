import { useEffect, useState } from 'react';
import { BlockEditor } from '../editor/BlockEditor';
import { CodeView } from './CodeView';
import { Console } from '../console/Console';
import { Swimlane } from '../timeline/Swimlane';
import { StatePanel } from '../stepper/StatePanel';
import { Toolbar } from './Toolbar';
import { Scrubber } from './Scrubber';
import { CourseList } from '../course/CourseList';
import { CoursePanel } from '../course/CoursePanel';
import { CompareView } from '../timeline/CompareView';
import { NoticeBanner } from './NoticeBanner';
import { installShortcuts } from './shortcuts';
import { useStore } from '../store/store';
import { STRINGS } from '../i18n/strings';

export function App() {
  const [gallery, setGallery] = useState(false);
  const theme = useStore((s) => s.theme);
  const error = useStore((s) => s.error);
  const comparing = useStore((s) => s.comparing && Boolean(s.pinned));
  const t = STRINGS[useStore((s) => s.lang)];
  useEffect(installShortcuts, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <Toolbar onLessons={() => setGallery(true)} />
      {error && (
        <div className="error-banner" role="alert" onClick={() => useStore.getState().showError(undefined)}>
          {error}
        </div>
      )}
      <NoticeBanner />
      <div className="work-row">
      <main className="panes">
        <section className="pane editor-pane">
          <BlockEditor />
        </section>
        <section className="pane code-pane">
          <h2>{t.code}</h2>
          <CodeView />
        </section>
        <section className="pane timeline-pane">
          {comparing ? (
            <CompareView />
          ) : (
            <>
              <Swimlane />
              <Scrubber />
            </>
          )}
        </section>
        <section className="pane console-pane">
          <h2>{t.console}</h2>
          <Console />
        </section>
        <section className="pane state-pane">
          <h2>{t.state}</h2>
          <StatePanel />
        </section>
      </main>
      <CoursePanel />
      </div>
      {gallery && <CourseList onClose={() => setGallery(false)} />}
    </div>
  );
}
