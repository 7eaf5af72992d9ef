import { useAppStore } from '../store/react';
import { selectTheme } from '../store/selectors';
import { CHART_INK, DESIGN_COLOUR } from './colours';

/** Design and axis colours for the current theme. */
export function useChartColours() {
  const theme = useAppStore(selectTheme);
  return { design: DESIGN_COLOUR[theme], ink: CHART_INK[theme] };
}
