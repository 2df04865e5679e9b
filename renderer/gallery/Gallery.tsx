/** The lessons, listed in the UI language; opening one puts its program in a raw-Python block. */
import { useStore } from '../store/store';
import { STRINGS } from '../i18n/strings';
import { LESSONS, lessonSource } from './lessons';
import { rawProgramWorkspace } from '../editor/starter';

export function Gallery({ onClose }: { onClose: () => void }) {
  const lang = useStore((s) => s.lang);
  const t = STRINGS[lang];
  return (
    <div className="gallery" role="dialog" aria-label={t.lessons} data-testid="gallery">
      <div className="gallery-head">
        <h3>{t.lessons}</h3>
        <button onClick={onClose}>{t.close}</button>
      </div>
      <ul>
        {LESSONS.map((lesson) => {
          const source = lessonSource(lesson);
          return (
            <li key={lesson.id}>
              <button
                data-lesson={lesson.id}
                disabled={source === undefined}
                onClick={() => {
                  if (source === undefined) return;
                  useStore.getState().replaceWorkspace(rawProgramWorkspace(source), lesson.title[lang], lesson.file.split('/').pop()!);
                  onClose();
                }}
              >
                <span className="lesson-title">{lesson.title[lang]}</span>
                <span className="lesson-sub">{lesson.title[lang === 'en' ? 'ko' : 'en']}</span>
                <span className="lesson-summary">{lesson.summary[lang]}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
