/**
 * Evidence photos are made small on the phone before they travel over a village signal: at most
 * 1600 px on the long side, JPEG at quality 0.8 (a 12-megapixel photo of 4 MB becomes ~300 kB).
 * PDFs go as they are. The server checks type and size again by the file's first bytes.
 */

export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.8;
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 12;
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

export type EvidenceKind = 'image' | 'pdf' | null;

/** What a chosen file is, by its type or (when the phone leaves the type empty) its name. */
export function evidenceKind(file: { name: string; type: string }): EvidenceKind {
  const type = file.type.toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (['image/jpeg', 'image/png', 'image/webp'].includes(type)) return 'image';
  if (type) return null;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (ext === 'pdf') return 'pdf';
  return ext && ['jpg', 'jpeg', 'png', 'webp'].includes(ext) ? 'image' : null;
}

/** The size a picture is drawn at: within `max` on its long side, never enlarged, whole pixels. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The name of the compressed photo: its own name with .jpg. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '') || 'photo';
  return `${base}.jpg`;
}

function toBlob(canvas: HTMLCanvasElement | OffscreenCanvas): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return new Promise((ok, fail) =>
    canvas.toBlob((b) => (b ? ok(b) : fail(new Error('canvas gave no image'))), 'image/jpeg', JPEG_QUALITY),
  );
}

/**
 * The file to upload: a photo redrawn within 1600 px as JPEG (on white, for transparent PNGs),
 * a PDF unchanged. A small JPEG that would only grow is kept as it is. Throws when the browser
 * cannot read the picture.
 */
export async function prepareEvidence(file: File): Promise<File> {
  const kind = evidenceKind(file);
  if (kind !== 'image') return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas: HTMLCanvasElement | OffscreenCanvas =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(size.width, size.height)
        : Object.assign(document.createElement('canvas'), size);
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await toBlob(canvas);
    const unchanged = size.width === bitmap.width && size.height === bitmap.height;
    if (unchanged && file.type === 'image/jpeg' && file.size <= blob.size) return file;
    return new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: Date.now() });
  } finally {
    bitmap.close();
  }
}
