/** The course: lessons in teaching order, in the UI language, with what is done ticked. */
import { useStore } from '../store/store';
import { STRINGS } from '../i18n/strings';
import { COURSE } from './course';

export function CourseList({ onClose }: { onClose: () => void }) {
  const lang = useStore((s) => s.lang);
  const done = useStore((s) => s.doneLessons);
  const t = STRINGS[lang];
  return (
    <div className="gallery" role="dialog" aria-label={t.course} data-testid="gallery">
      <div className="gallery-head">
        <h3>{t.course}</h3>
        <button onClick={onClose}>{t.close}</button>
      </div>
      <ol>
        {COURSE.map((lesson, i) => {
          const isDone = done.includes(lesson.id);
          return (
            <li key={lesson.id}>
              <button
                data-lesson={lesson.id}
                data-done={isDone}
                onClick={() => {
                  useStore.getState().openLesson(lesson.id);
                  onClose();
                }}
              >
                <span className="lesson-title">
                  <span className="lesson-no">{i + 1}.</span> {lesson.title[lang]}
                  {isDone && <span className="done-mark" title={t.doneMark}> ✓</span>}
                </span>
                <span className="lesson-sub">{lesson.title[lang === 'en' ? 'ko' : 'en']}</span>
                <span className="lesson-summary">{lesson.tryThis.task[lang]}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
