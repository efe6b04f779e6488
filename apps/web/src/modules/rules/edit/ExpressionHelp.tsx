import { HOUSEHOLD_NAMES, MEMBER_NAMES } from '@fupin/domain';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDynamicLabel, useLang } from '../../../i18n';
import { codeLabel } from '../../registry/vocab';
import { VALUE_VOCABULARIES } from '../params';
import { MONO } from '../tags';

function NameList({ names, group }: { names: Record<string, string>; group: 'household' | 'member' }) {
  const lang = useLang();
  const label = useDynamicLabel();
  return (
    <Flex vertical gap={6} data-testid={`help-${group}`}>
      {Object.entries(names).map(([name, kind]) => {
        const vocabulary = VALUE_VOCABULARIES[name];
        return (
          <div key={name} style={{ lineHeight: 1.6 }}>
            <Typography.Text code style={{ fontFamily: MONO }}>
              {name}
            </Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label(`rules.help.kinds.${kind}`, kind)}
            </Typography.Text>{' '}
            <Typography.Text>{label(`rules.names.${group}.${name}`, name)}</Typography.Text>
            {vocabulary ? (
              <Flex wrap gap={4} style={{ marginTop: 2 }}>
                {vocabulary.codes.map((code) => (
                  <Tag key={code} style={{ marginInlineEnd: 0, fontSize: 12 }}>
                    <span style={{ fontFamily: MONO }}>'{code}'</span> {codeLabel(vocabulary, code, lang)}
                  </Tag>
                ))}
              </Flex>
            ) : null}
          </div>
        );
      })}
    </Flex>
  );
}

/** What an expression may name, with a Chinese description and the codes of coded values. */
export function ExpressionHelp() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="expression-help">
      <Typography.Paragraph style={{ margin: 0 }}>{t('rules.help.syntax')}</Typography.Paragraph>
      <Typography.Paragraph style={{ margin: 0 }}>{t('rules.help.functions')}</Typography.Paragraph>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('rules.help.household')}
      </Typography.Title>
      <NameList names={HOUSEHOLD_NAMES} group="household" />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('rules.help.member')}
      </Typography.Title>
      <NameList names={MEMBER_NAMES} group="member" />
    </Flex>
  );
}
