import { UsageError } from '../../../core/errors.js';
import { escapeXml } from '../../escape-xml.js';
import type { SheetImage } from './xlsx-model.js';

/** English Metric Units in a pixel at 96 dpi, the unit of drawing sizes. */
const EMU_PER_PIXEL = 9525;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A drawing part (xl/drawings/drawingN.xml) placing a sheet's images, the k-th linked by its
 * drawing's relationship rId(k+1). One-cell anchors keep each image's size when columns are resized.
 */
export function drawingXml(sheetName: string, images: readonly SheetImage[]): string {
  const anchors = images.map((image, i) => {
    checkImage(sheetName, image, i);
    const scale = image.scale ?? 0.5;
    const cx = Math.round(image.width * EMU_PER_PIXEL * scale);
    const cy = Math.round(image.height * EMU_PER_PIXEL * scale);
    return (
      '<xdr:oneCellAnchor>' +
      `<xdr:from><xdr:col>${image.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${image.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/>` +
      '<xdr:pic>' +
      `<xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Picture ${i + 1}" descr="${escapeXml(image.name ?? '')}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
      `<xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
      '</xdr:pic><xdr:clientData/></xdr:oneCellAnchor>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${anchors.join('')}</xdr:wsDr>`
  );
}

/** An image Excel would show as broken or misplace is the caller's mistake: say which. */
function checkImage(sheetName: string, image: SheetImage, index: number): void {
  const where = `sheet "${sheetName}" image ${index + 1}${image.name ? ` (${image.name})` : ''}`;
  if (!PNG_SIGNATURE.every((byte, k) => image.png[k] === byte)) throw new UsageError(`${where} is not a PNG`);
  const positive = [image.width, image.height, image.scale ?? 1].every((n) => Number.isFinite(n) && n > 0);
  const cell = [image.row, image.col].every((n) => Number.isInteger(n) && n >= 0);
  if (!positive || !cell) throw new UsageError(`${where}: size and scale must be positive and the anchor cell whole numbers ≥ 0`);
}
