import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Image, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../../api/use-report-error';
import { formatDateTime } from '../../../ui/format';
import { type Evidence, evidenceUrl, useUploadEvidence } from '../api';
import { ACCEPT, evidenceKind, MAX_BYTES, MAX_FILES, prepareEvidence } from '../compress';

const THUMB = 96;

function Thumb({ problemId, e }: { problemId: string; e: Evidence }) {
  const { t } = useTranslation();
  const url = evidenceUrl(problemId, e.id);
  const title = t('problems.evidence.by', { name: e.uploadedBy, at: formatDateTime(e.uploadedAt) });
  if (e.mimeType === 'application/pdf')
    return (
      <a href={url} target="_blank" rel="noreferrer" title={`${e.fileName}\n${title}`} data-testid="evidence-pdf">
        <Flex
          vertical
          align="center"
          justify="center"
          gap={4}
          style={{ width: THUMB, height: THUMB, border: '1px solid #f0f0f0', borderRadius: 6, padding: 4 }}
        >
          <FilePdfOutlined style={{ fontSize: 28, color: '#cf1322' }} />
          <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: THUMB - 8 }}>
            {e.fileName}
          </Typography.Text>
        </Flex>
      </a>
    );
  return (
    <Image
      src={url}
      alt={e.fileName}
      title={title}
      width={THUMB}
      height={THUMB}
      style={{ objectFit: 'cover', borderRadius: 6 }}
      data-testid="evidence-image"
    />
  );
}

/** 佐证材料: thumbnails that open large; photos are compressed in the browser before they are sent. */
export function EvidenceGallery({
  problemId,
  evidence,
  canUpload,
}: {
  problemId: string;
  evidence: Evidence[];
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReportError();
  const upload = useUploadEvidence();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const onFiles = async (files: File[]) => {
    if (files.length === 0) return;
    if (evidence.length + files.length > MAX_FILES) {
      void message.error(t('problems.evidence.tooMany'));
      return;
    }
    setBusy(true);
    let done = 0;
    try {
      for (const file of files) {
        if (!evidenceKind(file)) {
          void message.error(t('problems.evidence.badType', { name: file.name }));
          continue;
        }
        let ready: File;
        try {
          ready = await prepareEvidence(file);
        } catch {
          void message.error(t('problems.evidence.unreadable', { name: file.name }));
          continue;
        }
        if (ready.size > MAX_BYTES) {
          void message.error(t('problems.evidence.tooLarge', { name: file.name }));
          continue;
        }
        // One request a file: a failure stops the rest, and what went up stays.
        await upload.mutateAsync({ id: problemId, file: ready });
        done++;
      }
      if (done) void message.success(t('problems.evidence.uploaded', { count: done }));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="evidence">
      {evidence.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.evidence.empty')} style={{ margin: 0 }} />
      ) : (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {evidence.map((e) => (
              <Thumb key={e.id} problemId={problemId} e={e} />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {canUpload ? (
        <Flex vertical gap={4} align="flex-start">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            multiple
            hidden
            data-testid="evidence-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void onFiles(files);
            }}
          />
          <Button
            icon={<UploadOutlined />}
            loading={busy}
            disabled={evidence.length >= MAX_FILES}
            onClick={() => input.current?.click()}
            data-testid="evidence-upload"
          >
            {busy ? t('problems.evidence.uploading') : t('problems.evidence.upload')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('problems.evidence.hint')}
          </Typography.Text>
        </Flex>
      ) : null}
    </Flex>
  );
}
