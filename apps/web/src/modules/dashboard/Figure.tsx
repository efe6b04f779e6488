import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One headline figure; the whole card opens the list it counts. */
export function Figure({
  title,
  value,
  note,
  to,
  color,
  testId,
}: {
  title: string;
  value: number;
  note?: ReactNode;
  to: string;
  color?: string;
  testId?: string;
}) {
  return (
    <Link to={to} data-testid={testId} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }} styles={{ body: { padding: '10px 14px' } }}>
        <Statistic title={title} value={value} styles={{ content: { color, fontSize: 26 } }} />
        {note ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        ) : null}
      </Card>
    </Link>
  );
}

/** A count that opens its list; zero stays plain. */
export function CountLink({ n, to, color, testId }: { n: number; to: string; color?: string; testId?: string }) {
  if (n === 0) return <span style={{ color: '#bfbfbf' }}>0</span>;
  return (
    <Link to={to} style={{ color, fontWeight: color ? 600 : undefined }} data-testid={testId}>
      {n}
    </Link>
  );
}
