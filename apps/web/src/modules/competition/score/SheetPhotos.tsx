import { CameraOutlined, CloseOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Popconfirm, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { evidenceKind, MAX_BYTES, prepareEvidence } from '../../problems/compress';
import { PHOTOS_PER_SHEET } from '../format';
import { photoUrl, type SheetPhoto, useRemovePhoto } from '../work-api';

const THUMB = 88;
const thumb = { objectFit: 'cover', borderRadius: 6 } as const;

/** A photo taken for the sheet, compressed on the phone, waiting for the sheet to be saved. */
export interface PendingPhoto {
  key: string;
  file: File;
}

function Pending({ p, onRemove }: { p: PendingPhoto; onRemove: () => void }) {
  const { t } = useTranslation();
  const url = useMemo(() => URL.createObjectURL(p.file), [p.file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <div style={{ position: 'relative' }} data-testid="photo-pending">
      <Image src={url} alt={p.file.name} width={THUMB} height={THUMB} style={thumb} />
      <Button
        size="small"
        shape="circle"
        icon={<CloseOutlined />}
        onClick={onRemove}
        aria-label={t('common.delete')}
        style={{ position: 'absolute', top: 2, right: 2 }}
      />
    </div>
  );
}

/**
 * 现场照片: the photos already on the judge's sheet (each can be taken off while scoring) and
 * those just taken, which go up when the sheet is saved. Photos are made small on the phone first
 * (at most 1600 px, JPEG), as evidence photos are.
 */
export function SheetPhotos({
  roundId,
  scoreId,
  saved,
  pending,
  onPending,
}: {
  roundId: string;
  scoreId: string | null;
  saved: SheetPhoto[];
  pending: PendingPhoto[];
  onPending: (p: PendingPhoto[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const remove = useRemovePhoto();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const room = PHOTOS_PER_SHEET - saved.length - pending.length;

  const onFiles = async (files: File[]) => {
    if (files.length > room) void message.error(t('competition.photos.tooMany', { max: PHOTOS_PER_SHEET }));
    setBusy(true);
    const ready: PendingPhoto[] = [];
    try {
      for (const file of files.slice(0, Math.max(0, room))) {
        if (evidenceKind(file) !== 'image') {
          void message.error(t('competition.photos.badType', { name: file.name }));
          continue;
        }
        const small = await prepareEvidence(file).catch(() => null);
        if (!small) void message.error(t('competition.photos.unreadable', { name: file.name }));
        else if (small.size > MAX_BYTES) void message.error(t('competition.photos.tooLarge', { name: file.name }));
        else ready.push({ key: crypto.randomUUID(), file: small });
      }
    } finally {
      setBusy(false);
    }
    if (ready.length) onPending([...pending, ...ready]);
  };

  return (
    <Flex vertical gap={8} data-testid="sheet-photos">
      {saved.length || pending.length ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {scoreId
              ? saved.map((p) => (
                  <div key={p.id} style={{ position: 'relative' }} data-testid="photo-saved">
                    <Image src={photoUrl(roundId, scoreId, p.id)} alt={p.fileName} width={THUMB} height={THUMB} style={thumb} />
                    <Popconfirm
                      title={t('competition.photos.removeConfirm')}
                      okText={t('common.ok')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutate({ roundId, scoreId, photoId: p.id }, { onError: (e) => report(e) })}
                    >
                      <Button
                        size="small"
                        shape="circle"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        style={{ position: 'absolute', top: 2, right: 2 }}
                      />
                    </Popconfirm>
                  </div>
                ))
              : null}
            {pending.map((p) => (
              <Pending key={p.key} p={p} onRemove={() => onPending(pending.filter((x) => x.key !== p.key))} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
        multiple
        hidden
        data-testid="photo-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void onFiles(files);
        }}
      />
      <Button
        size="large"
        icon={<CameraOutlined />}
        loading={busy}
        disabled={room <= 0}
        onClick={() => input.current?.click()}
        style={{ alignSelf: 'flex-start' }}
        data-testid="photo-add"
      >
        {t('competition.photos.add')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pending.length
          ? t('competition.photos.waiting', { count: pending.length })
          : t('competition.photos.hint', { max: PHOTOS_PER_SHEET })}
      </Typography.Text>
    </Flex>
  );
}
