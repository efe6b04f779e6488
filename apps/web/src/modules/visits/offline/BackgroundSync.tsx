import { useBackgroundSync } from './sync';

/** Renders nothing: sends the person's queued visit forms whenever it can (see useBackgroundSync). */
export function BackgroundSync({ userId }: { userId: string }) {
  useBackgroundSync(userId);
  return null;
}
