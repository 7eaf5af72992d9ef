/** PNG exports: the canvas (html-to-image) and the report's SVG charts (drawn onto a 2D canvas). */
import { toPng } from 'html-to-image';

/** The canvas as a PNG data URL, without the minimap and the zoom controls. */
export async function canvasPng(): Promise<string> {
  const el = document.querySelector<HTMLElement>('.react-flow');
  if (!el) throw new Error('The canvas is not on screen.');
  const bg = getComputedStyle(document.body).backgroundColor || '#ffffff';
  return toPng(el, {
    backgroundColor: bg,
    pixelRatio: 2,
    filter: (node) => !(node instanceof HTMLElement && (node.classList.contains('react-flow__minimap') || node.classList.contains('react-flow__controls'))),
  });
}

/** An SVG string (with width/height attributes) as a PNG data URL at `scale` × its size. */
export async function svgPng(svg: string, scale = 2): Promise<string> {
  const w = Number(/\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 720);
  const h = Number(/\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 400);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = Math.round(w * scale);
  c.height = Math.round(h * scale);
  const g = c.getContext('2d');
  if (!g) throw new Error('No 2D canvas in this browser.');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, c.width, c.height);
  g.drawImage(img, 0, 0, c.width, c.height);
  return c.toDataURL('image/png');
}
