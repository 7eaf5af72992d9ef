/**
 * Classroom state: presentation mode, the open lesson and its step, and the
 * number being explained. Not in the undo history (only `doc` is).
 */
import type { Lesson } from '../../workers/lessons';
import type { GetState, SetState } from '../store/types';
import type { Design, ExplainQuantity } from './explain';

/** A number someone clicked to have explained, and where (viewport px) to show the popover. */
export interface ExplainTarget {
  quantity: ExplainQuantity;
  nodeId: string | null;
  design: Design;
  x: number;
  y: number;
}

export interface ClassroomSlice {
  presenting: boolean;
  lesson: Lesson | null;
  lessonStep: number;
  explainTarget: ExplainTarget | null;
  setPresenting(on: boolean): void;
  /** Opens a lesson at its first step (loads that step's document). */
  openLesson(lesson: Lesson): void;
  /** Moves to step i (clamped) and loads its document; false when already there or out of range. */
  goToStep(i: number): boolean;
  closeLesson(): void;
  openExplain(target: ExplainTarget): void;
  closeExplain(): void;
}

export function createClassroomSlice(set: SetState, get: GetState): ClassroomSlice {
  const load = (lesson: Lesson, i: number) => {
    get().loadDocument(lesson.steps[i].doc);
    set({ lesson, lessonStep: i, explainTarget: null, selectedNodeIds: [], selectedEdgeIds: [] });
  };
  return {
    presenting: false,
    lesson: null,
    lessonStep: 0,
    explainTarget: null,
    setPresenting: (presenting) => set({ presenting, explainTarget: null, selectedNodeIds: [], selectedEdgeIds: [] }),
    openLesson: (lesson) => load(lesson, 0),
    goToStep: (i) => {
      const { lesson, lessonStep } = get();
      if (!lesson || i < 0 || i >= lesson.steps.length || i === lessonStep) return false;
      load(lesson, i);
      return true;
    },
    closeLesson: () => set({ lesson: null, lessonStep: 0 }),
    openExplain: (explainTarget) => set({ explainTarget }),
    closeExplain: () => set({ explainTarget: null }),
  };
}

export const selectPresenting = (s: { presenting: boolean }) => s.presenting;
