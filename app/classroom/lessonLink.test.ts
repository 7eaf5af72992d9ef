import { describe, expect, it } from 'vitest';
import { LESSONS, loadLesson } from '../../workers/lessons';
import { decodeLessonFragment, encodeLessonLink, LESSON_PREFIX } from './lessonLink';

describe('lesson links', () => {
  it('round-trips every shipped lesson through a link short enough to share', () => {
    for (const { id } of LESSONS) {
      const lesson = loadLesson(id);
      const { url, tooLong } = encodeLessonLink(lesson.spec, 'https://x.test/');
      expect(tooLong, id).toBe(false);
      const back = decodeLessonFragment(url.slice('https://x.test/'.length));
      expect(back?.ok).toBe(true);
      if (back?.ok) expect(back.lesson.steps).toEqual(lesson.steps);
    }
  });

  it('ignores other fragments and reports a damaged link', () => {
    expect(decodeLessonFragment('#doc=abc')).toBeNull();
    const cut = decodeLessonFragment(`${LESSON_PREFIX}N4Ig`);
    expect(cut?.ok).toBe(false);
    const { url } = encodeLessonLink(loadLesson('pooling').spec, '');
    const r = decodeLessonFragment(url.slice(0, url.length / 2));
    expect(r?.ok).toBe(false);
  });
});
