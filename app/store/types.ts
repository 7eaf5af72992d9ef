import type { StoreApi } from 'zustand';
import type { ClassroomSlice } from '../classroom/classroomSlice';
import type { DocumentSlice } from './documentSlice';
import type { RunSlice } from './runSlice';
import type { UiSlice } from './uiSlice';

/**
 * The whole app state: the slices spread into one object.
 * To add a slice (e.g. `runSlice` for results): write `runSlice.ts` exporting
 * `RunSlice` and `createRunSlice(set, get)`, add `RunSlice` to this
 * intersection, and spread it in `createAppStore` (store/index.ts). Only
 * `doc` is in the undo history (see `partialize` there), so run state never
 * becomes an undo step; keep run results out of node data.
 */
export type AppState = DocumentSlice & UiSlice & RunSlice & ClassroomSlice;
export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];
