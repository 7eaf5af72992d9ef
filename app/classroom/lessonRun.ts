/** Makes a lesson step's run: fills the run panel with the step's load (or sweep) and starts it. */
import type { LessonStep } from '../../workers/lessons';
import { runControllerFor } from '../run/controller';
import type { AppStore } from '../store';

export function startStepRun(store: AppStore, step: LessonStep): void {
  const s = store.getState();
  if (step.run.kind === 'single') {
    s.setRunForm({ mode: 'single', ratePerSec: String(step.run.ratePerSec), profile: step.doc.workload.profile ? 'document' : 'none' });
  } else {
    const { fromPerSec, toPerSec, points } = step.run;
    s.setRunForm({ mode: 'sweep', autoRange: false, fromPerSec: String(fromPerSec), toPerSec: String(toPerSec), steps: String(points) });
  }
  runControllerFor(store).start();
}

/** The entry rate a step's animation uses: the single run's rate, or the document's rate for a sweep. */
export function stepTraceRate(step: LessonStep): number {
  return step.run.kind === 'single' ? step.run.ratePerSec : step.doc.workload.ratePerSec;
}
