import { Alert, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../ui/QueryError';
import { type ImportError, type ImportJob, useImportErrors } from '../import-api';
import { errorText } from './import-state';

const PAGE_SIZE = 20;

/** 有错误: every error by sheet, row and column, paged; nothing was written. */
export function ImportErrors({ job, compact }: { job: ImportJob; compact: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const errors = useImportErrors(job.id, page, PAGE_SIZE);
  const column = (e: ImportError) => (e.column ? `${e.column}${e.header ? `（${e.header}）` : ''}` : '—');
  const columns: TableColumnsType<ImportError> = compact
    ? [
        {
          title: t('registry.importPage.message'),
          key: 'all',
          render: (_, e) => (
            <Flex vertical gap={2}>
              <Typography.Text type="secondary">
                {e.sheet} · {t('registry.importPage.row')} {e.row} · {t('registry.importPage.column')} {column(e)}
              </Typography.Text>
              <Typography.Text>{errorText(e)}</Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('registry.importPage.sheet'), dataIndex: 'sheet', width: 110 },
        { title: t('registry.importPage.row'), dataIndex: 'row', width: 70, align: 'right' },
        { title: t('registry.importPage.column'), key: 'column', width: 170, render: (_, e) => column(e) },
        { title: t('registry.importPage.message'), key: 'message', render: (_, e) => errorText(e) },
      ];
  return (
    <Flex vertical gap={12} data-testid="import-errors">
      <Alert
        type="error"
        showIcon
        title={t('registry.importPage.invalidTitle', { count: job.errorCount })}
        description={t('registry.importPage.invalidText')}
      />
      {errors.error ? (
        <QueryError error={errors.error} onRetry={() => void errors.refetch()} />
      ) : (
        <Table<ImportError>
          rowKey={(e) => `${e.sheet}.${e.row}.${e.column ?? ''}.${e.message}`}
          size="small"
          bordered
          columns={columns}
          dataSource={errors.data?.items ?? []}
          loading={errors.isFetching}
          tableLayout={compact ? 'fixed' : undefined}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: errors.data?.total ?? job.errorCount,
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: setPage,
            simple: compact,
          }}
        />
      )}
    </Flex>
  );
}
