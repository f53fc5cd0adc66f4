/** A chart rendered to PNG, with its pixel size (the renderers draw at 2× for print). */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}
