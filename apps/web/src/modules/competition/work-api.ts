/**
 * The competition's other requests: a judge's tasks and score sheets, the township's settings,
 * the judges the office may assign, and the year's table with the other scores.
 */
import type { CompetitionPart, Rubric, RubricItem } from '@fupin/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client';
import { uploadFile } from '../registry/files';
import type { Prizes } from './api';

/** A photo of a sheet, without its bytes. */
export interface SheetPhoto {
  id: string;
  fileName: string;
  size: number;
}

export const photoUrl = (roundId: string, scoreId: string, photoId?: string) =>
  `/api/competition/rounds/${roundId}/scores/${scoreId}/photos${photoId ? `/${photoId}` : ''}`;

export interface TaskSubject {
  subjectId: string;
  name: string;
  detail: string;
  sheet: {
    id: string;
    sheet: Record<string, number>;
    note: string | null;
    total: number;
    judgeId: string;
    judgeName: string;
    mine: boolean;
    photos: SheetPhoto[];
    submittedAt: string;
  } | null;
}

export interface Task {
  roundId: string;
  townshipId: string;
  townshipName: string;
  month: string;
  villageId: string;
  villageName: string;
  part: CompetitionPart;
  max: number;
  office: string;
  items: RubricItem[];
  /** false while the village has not nominated its groups */
  ready: boolean;
  subjects: TaskSubject[];
}

export const FINDING_CATEGORIES = ['food_clothing', 'education', 'medical', 'housing', 'water'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export interface ScoreInput {
  id: string;
  roundId: string;
  villageId: string;
  part: CompetitionPart;
  subjectId: string;
  sheet: Record<string, number>;
  note: string | null;
  findings: { category: FindingCategory; description: string; householdId: string | null }[];
}

export interface ScoreAnswer {
  id: string;
  total: number;
  outcome: 'submitted' | 'replaced' | 'unchanged';
  problems: { id: string; category: string }[];
  photos: SheetPhoto[];
}

const tasksKey = ['competition', 'tasks'] as const;

export function useMyTasks() {
  return useQuery({
    queryKey: tasksKey,
    queryFn: ({ signal }) => api.get<{ items: Task[] }>('/api/competition/my-tasks', { signal }),
    select: (d) => d.items,
  });
}

export function useSubmitScore() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScoreInput) => api.post<ScoreAnswer>('/api/competition/scores', input),
    onSuccess: (_d, input) => {
      void client.invalidateQueries({ queryKey: tasksKey });
      void client.invalidateQueries({ queryKey: ['competition', 'round', input.roundId] });
      void client.invalidateQueries({ queryKey: ['problems'] });
    },
  });
}

/** A photo (compressed already) onto the judge's saved sheet. */
export function useUploadPhoto() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, scoreId, file }: { roundId: string; scoreId: string; file: File }) =>
      uploadFile<SheetPhoto>(photoUrl(roundId, scoreId), {}, file),
    onSuccess: () => void client.invalidateQueries({ queryKey: tasksKey }),
  });
}

export function useRemovePhoto() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, scoreId, photoId }: { roundId: string; scoreId: string; photoId: string }) =>
      request<void>('DELETE', photoUrl(roundId, scoreId, photoId)),
    onSuccess: () => void client.invalidateQueries({ queryKey: tasksKey }),
  });
}

export interface Settings {
  townshipId: string;
  rubric: Rubric;
  prizes: Prizes;
  sampleSize: number;
  publicityDays: number;
  competitionWeight: number;
  saved: boolean;
  version: number;
  updatedAt: string | null;
}

export type SettingsInput = Omit<Settings, 'saved' | 'updatedAt' | 'rubric' | 'version'> & { rubric: unknown; version?: number };

const settingsKey = (townshipId: string | null) => ['competition', 'settings', townshipId] as const;

export function useSettings(townshipId: string | null) {
  return useQuery({
    queryKey: settingsKey(townshipId),
    queryFn: ({ signal }) => api.get<Settings>('/api/competition/settings', { signal, query: { townshipId } }),
    enabled: townshipId !== null,
  });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingsInput) => request<Settings>('PUT', '/api/competition/settings', { body: input }),
    onSuccess: (d) => {
      client.setQueryData(settingsKey(d.townshipId), d);
      void client.invalidateQueries({ queryKey: ['competition', 'year'] });
    },
  });
}

export interface Judge {
  id: string;
  name: string;
  /** villages this judge may not score: where they live, hold a role, or have paired households */
  ownVillageIds: string[];
}

/**
 * The round's township's judges (active accounts with the judge role on it), each with their own
 * villages, for the office's assignment grid. Others get none here and see the judges already assigned.
 */
export function useJudges(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['competition', 'judges', roundId],
    queryFn: ({ signal }) => api.get<{ items: Judge[] }>(`/api/competition/rounds/${roundId}/judges`, { signal }),
    select: (d) => d.items,
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export interface YearVillage {
  villageId: string;
  villageName: string;
  monthly: { month: string; status: string; total: number | null; rank: number | null; moneyFen: number | null }[];
  roundsCounted: number;
  competitionScore: number | null;
  otherScore: number | null;
  evaluation: number | null;
}

export interface Year {
  townshipId: string;
  townshipName: string;
  year: number;
  competitionWeight: number;
  months: { roundId: string; month: string; status: string }[];
  villages: YearVillage[];
}

const yearKey = (townshipId: string | null, year: number) => ['competition', 'year', townshipId, year] as const;

export function useYear(townshipId: string | null, year: number) {
  return useQuery({
    queryKey: yearKey(townshipId, year),
    queryFn: ({ signal }) => api.get<Year>('/api/competition/year', { signal, query: { townshipId, year } }),
    enabled: townshipId !== null,
  });
}

export function useSaveYearScores() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { townshipId: string; year: number; scores: { villageId: string; otherScore: number }[] }) =>
      request<Year>('PUT', '/api/competition/year-scores', { body: input }),
    onSuccess: (d) => client.setQueryData(yearKey(d.townshipId, d.year), d),
  });
}
