import {
  CloudUploadOutlined,
  DownloadOutlined,
  EllipsisOutlined,
  FileExcelOutlined,
  IdcardOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReportError } from '../../../api/use-report-error';
import { downloadFile } from '../files';

interface Props {
  /** the list's filters as the server takes them: the exports list the same households */
  query: Record<string, string | undefined>;
  canManage: boolean;
  canReadIds: boolean;
  onCreate: () => void;
  onDuplicates: () => void;
  mobile: boolean;
}

type Busy = 'export' | 'notOut' | null;

/** 新增农户, 导入, 导出, 未脱贫户帮扶计划, 重复身份证号; on a phone all but the first behind 更多. */
export function RegistryToolbar({ query, canManage, canReadIds, onCreate, onDuplicates, mobile }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReportError();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Busy>(null);

  const download = (which: Exclude<Busy, null>) => {
    if (busy) return;
    setBusy(which);
    const path = which === 'export' ? '/api/registry/export.xlsx' : '/api/registry/not-out.xlsx';
    downloadFile(path, query)
      .then(() => void message.success(t('registry.exported')))
      .catch((err: unknown) => report(err))
      .finally(() => setBusy(null));
  };

  const create = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="household-create">
      {t('registry.create')}
    </Button>
  ) : null;

  if (mobile) {
    const items: MenuProps['items'] = [
      ...(canManage ? [{ key: 'import', icon: <CloudUploadOutlined />, label: t('registry.import') }] : []),
      { key: 'export', icon: <DownloadOutlined />, label: t('registry.export'), disabled: busy !== null },
      { key: 'notOut', icon: <FileExcelOutlined />, label: t('registry.exportNotOut'), disabled: busy !== null },
      ...(canReadIds ? [{ key: 'duplicates', icon: <IdcardOutlined />, label: t('registry.duplicates') }] : []),
    ];
    const onClick: MenuProps['onClick'] = ({ key }) => {
      if (key === 'import') void navigate('/registry/import');
      else if (key === 'duplicates') onDuplicates();
      else download(key as Exclude<Busy, null>);
    };
    return (
      <>
        {create}
        <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
          <Button icon={<EllipsisOutlined />} loading={busy !== null} data-testid="registry-more">
            {t('registry.more')}
          </Button>
        </Dropdown>
      </>
    );
  }

  return (
    <>
      {create}
      {canManage ? (
        <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/registry/import')} data-testid="registry-import">
          {t('registry.import')}
        </Button>
      ) : null}
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'export'}
        onClick={() => download('export')}
        data-testid="registry-export"
      >
        {t('registry.export')}
      </Button>
      <Button icon={<FileExcelOutlined />} loading={busy === 'notOut'} onClick={() => download('notOut')}>
        {t('registry.exportNotOut')}
      </Button>
      {canReadIds ? (
        <Button icon={<IdcardOutlined />} onClick={onDuplicates} data-testid="registry-duplicates">
          {t('registry.duplicates')}
        </Button>
      ) : null}
    </>
  );
}
