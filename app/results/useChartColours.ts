import { useAppStore } from '../store/react';
import { selectTheme } from '../store/selectors';
import { CHART_INK, COMPARE_COLOUR, DESIGN_COLOUR } from './colours';

/** Design and axis colours for the current theme (module constants: stable between renders). */
export function useChartColours() {
  const theme = useAppStore(selectTheme);
  return { theme, design: DESIGN_COLOUR[theme], ink: CHART_INK[theme], compare: COMPARE_COLOUR[theme] };
}
