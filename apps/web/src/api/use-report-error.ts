/**
 * Shows a failed request to the person: the server's message as a toast, and in a form each
 * field's own message under that field (the server's messages already name the field).
 */
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';

function namePathOf(path: string): (string | number)[] {
  return path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function useReportError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        console.error(error);
        void message.error(t('common.unexpected'));
        return;
      }
      // 401 and forced password change move the person to another page; no toast needed.
      if (error.code === 'UNAUTHENTICATED' || error.code === 'PASSWORD_CHANGE_REQUIRED') return;
      if (form && error.fields.length > 0) {
        const present = form.getFieldsValue();
        const known = error.fields.filter((f) => namePathOf(f.path)[0]! in present);
        form.setFields(known.map((f) => ({ name: namePathOf(f.path), errors: [f.message] })));
        // Fields this form does not show still need saying.
        const unknown = error.fields.filter((f) => !known.includes(f));
        const text = unknown.length ? [error.message, ...unknown.map((f) => f.message)].join('；') : error.message;
        void message.error(text);
        return;
      }
      void message.error(error.message);
    },
    [message, t],
  );
}
