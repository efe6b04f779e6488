import { describe, expect, it } from 'vitest';
import { evidenceKind, fitWithin, jpegName } from './compress';

describe('evidence photos before upload', () => {
  it('fits the long side within 1600 px, keeping the shape, never enlarging', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 3)).toEqual({ width: 1600, height: 1 });
  });

  it('knows photos and PDFs by type, or by name when the phone gives no type', () => {
    expect(evidenceKind({ name: 'a.jpg', type: 'image/jpeg' })).toBe('image');
    expect(evidenceKind({ name: 'a', type: 'image/webp' })).toBe('image');
    expect(evidenceKind({ name: '整改报告.pdf', type: 'application/pdf' })).toBe('pdf');
    expect(evidenceKind({ name: 'IMG_1.JPG', type: '' })).toBe('image');
    expect(evidenceKind({ name: 'scan.PDF', type: '' })).toBe('pdf');
    expect(evidenceKind({ name: 'IMG_1.heic', type: 'image/heic' })).toBeNull();
    expect(evidenceKind({ name: 'notes.txt', type: '' })).toBeNull();
  });

  it('names the compressed photo .jpg', () => {
    expect(jpegName('药品.png')).toBe('药品.jpg');
    expect(jpegName('IMG_0001.JPEG')).toBe('IMG_0001.jpg');
    expect(jpegName('noext')).toBe('noext.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});
