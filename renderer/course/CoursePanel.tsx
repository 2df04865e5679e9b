/** The open lesson: its explanation, the try-this task, and whether the last run did it. */
import { useStore } from '../store/store';
import { STRINGS } from '../i18n/strings';
import { COURSE, lessonById } from './course';
import { localizeDetail } from './detail';

export function CoursePanel() {
  const lang = useStore((s) => s.lang);
  const lessonId = useStore((s) => s.lessonId);
  const check = useStore((s) => s.lastCheck);
  const done = useStore((s) => s.doneLessons);
  const t = STRINGS[lang];
  const lesson = lessonById(lessonId);
  if (!lesson) return null;
  const number = COURSE.indexOf(lesson) + 1;
  const result = check?.lessonId === lesson.id ? check : undefined;
  const isDone = done.includes(lesson.id);
  return (
    <aside className="course-panel" data-testid="course-panel" data-lesson={lesson.id}>
      <div className="course-head">
        <span className="muted">
          {t.lesson} {number}/{COURSE.length}
        </span>
        <button title={t.closeLesson} aria-label={t.closeLesson} onClick={() => useStore.getState().closeLesson()}>
          ×
        </button>
      </div>
      <h3>
        {lesson.title[lang]}
        {isDone && <span className="done-mark" data-testid="lesson-done"> ✓ {t.doneMark}</span>}
      </h3>
      <div className="explanation">
        {lesson.explanation[lang].split(/\n\s*\n/).map((para, i) => (
          <p key={i}>{withCode(para)}</p>
        ))}
      </div>
      <section className="try-this" data-testid="try-this">
        <h4>{t.tryThis}</h4>
        <p>{withCode(lesson.tryThis.task[lang])}</p>
        {lesson.tryThis.hint && (
          <details>
            <summary>{t.hint}</summary>
            <p>{withCode(lesson.tryThis.hint[lang])}</p>
          </details>
        )}
        <div
          className={`check ${result ? (result.passed ? 'check-passed' : 'check-failed') : ''}`}
          data-testid="check-result"
          data-passed={result ? String(result.passed) : ''}
        >
          {result ? (
            <>
              <b>{result.passed ? `✓ ${t.taskDone}` : `✗ ${t.taskNotYet}`}</b> <span>{localizeDetail(result.detail, lang)}</span>
            </>
          ) : (
            <span className="muted">{t.taskRunToCheck}</span>
          )}
        </div>
      </section>
    </aside>
  );
}

/** The course writes code in `backticks`. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
