/** Formats of dates and times as the township writes them. */
import dayjs from 'dayjs';

/** `2026-03-10 14:05`, in the device's time zone (Beijing time for the township). */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

/** `2026-03-10 14:05:09`, for the audit log where seconds tell entries apart. */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';
}
