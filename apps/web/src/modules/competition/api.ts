/**
 * The competition's rounds (大比武, DOMAIN.md §6) as the server's `/api/competition` answers them
 * (apps/server/src/modules/competition/schemas.ts): the list, one round with its samples,
 * nominations, judges, progress, ranking and objections, and every write on a round.
 */
import type { CompetitionPart, ObjectionOutcome, ObjectionStatus, RoundAction, RoundStatus, Rubric } from '@fupin/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../api/client';

export interface Named {
  id: string;
  name: string;
}

export interface Prizes {
  rewards: number[];
  deductions: number[];
}

export interface Round {
  id: string;
  townshipId: string;
  townshipName: string;
  month: string;
  status: RoundStatus;
  sampleSize: number;
  publicityDays: number;
  publishedOn: string | null;
  publicity: { start: string; end: string } | null;
  note: string | null;
  createdAt: string;
  closedAt: string | null;
  finalisedAt: string | null;
  version: number;
}

export interface RankingRow {
  rank: number;
  firstPlace: number;
  lastPlace: number;
  tied: boolean;
  villageId: string;
  villageName: string;
  households: number;
  groups: number;
  village: number;
  total: number;
  moneyFen: number;
  money: number;
  moneyText: string;
}

export interface Objection {
  id: string;
  villageId: string | null;
  villageName: string | null;
  text: string;
  raisedAt: string;
  raisedByName: string | null;
  status: ObjectionStatus;
  outcome: ObjectionOutcome | null;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  current: boolean;
}

export interface SampledHousehold {
  id: string;
  headName: string;
  address: string | null;
  groupId: string | null;
  groupName: string | null;
  povertyStatus: string;
  marginal: boolean;
}

export interface Sample {
  seed: string;
  method: string;
  version: number;
  size: number;
  populationSize: number;
  drawnAt: string;
  drawnByName: string | null;
  households: SampledHousehold[];
}

export interface Sheet {
  id: string;
  part: CompetitionPart;
  subjectId: string;
  subjectName: string;
  judgeId: string;
  judgeName: string;
  total: number;
  sheet: Record<string, number>;
  note: string | null;
  photos: { id: string; fileName: string; size: number }[];
  submittedAt: string;
  version: number;
}

export interface Progress {
  in: number;
  expected: number;
}

export interface RoundVillage {
  villageId: string;
  villageName: string;
  sample: Sample | null;
  groups: Named[];
  nomination: { groupIds: string[]; groups: Named[]; nominatedAt: string; nominatedByName: string | null } | null;
  judges: Record<CompetitionPart, Named[]>;
  progress: Record<CompetitionPart, Progress>;
  complete: boolean;
  score: { villageId: string; households: number; groups: number; village: number; total: number } | null;
  sheets: Sheet[];
}

export interface RoundDetail {
  round: Round;
  rubric: Rubric;
  prizes: Prizes;
  villages: RoundVillage[];
  ranking: RankingRow[] | null;
  preview: RankingRow[] | null;
  objections: Objection[];
  viewer: { canManage: boolean; fullView: boolean; judge: boolean; nominateVillageIds: string[] };
}

export interface Verify {
  villageId: string;
  matches: boolean;
  method: string;
  version: number;
  seed: string;
  size: number;
  population: string[];
  recorded: string[];
  redrawn: string[];
}

export interface Assignment {
  judgeId: string;
  part: CompetitionPart;
  villageId: string;
}

const roundsKey = ['competition', 'rounds'] as const;
const roundKey = (id: string) => ['competition', 'round', id] as const;

export function useRounds() {
  return useQuery({
    queryKey: roundsKey,
    queryFn: ({ signal }) => api.get<{ items: Round[] }>('/api/competition/rounds', { signal }),
    select: (d) => d.items,
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: roundKey(id),
    queryFn: ({ signal }) => api.get<RoundDetail>(`/api/competition/rounds/${id}`, { signal }),
    retry: false,
  });
}

/** After a write that answers with the round: show it at once; lists, tasks, bulletin and year follow. */
function useStoreRound() {
  const client = useQueryClient();
  return (d: RoundDetail) => {
    client.setQueryData(roundKey(d.round.id), d);
    void client.invalidateQueries({ queryKey: roundsKey });
    void client.invalidateQueries({ queryKey: ['competition', 'tasks'] });
    void client.invalidateQueries({ queryKey: ['competition', 'bulletin', d.round.id] });
    void client.invalidateQueries({ queryKey: ['competition', 'year'] });
  };
}

export function useCreateRound() {
  const store = useStoreRound();
  return useMutation({
    mutationFn: (input: { id: string; townshipId: string; month: string }) =>
      api.post<RoundDetail>('/api/competition/rounds', input),
    onSuccess: store,
  });
}

export function useRedraw(roundId: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: ({ villageId, reason }: { villageId: string; reason: string }) =>
      api.post<RoundDetail>(`/api/competition/rounds/${roundId}/villages/${villageId}/redraw`, { reason }),
    onSuccess: store,
  });
}

/** Redraws the village's sample from its recorded seed on the server: anyone who sees the village may ask. */
export function useVerify(roundId: string) {
  return useMutation({
    mutationFn: (villageId: string) => api.get<Verify>(`/api/competition/rounds/${roundId}/samples/${villageId}/verify`),
  });
}

export function useNominate(roundId: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: ({ villageId, groupIds }: { villageId: string; groupIds: string[] }) =>
      request<RoundDetail>('PUT', `/api/competition/rounds/${roundId}/nominations/${villageId}`, { body: { groupIds } }),
    onSuccess: store,
  });
}

export function useAssign(roundId: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: (assignments: Assignment[]) =>
      request<RoundDetail>('PUT', `/api/competition/rounds/${roundId}/assignments`, { body: { assignments } }),
    onSuccess: store,
  });
}

export function useRoundAction(roundId: string) {
  const store = useStoreRound();
  return useMutation({
    mutationFn: ({ action, reason }: { action: RoundAction; reason?: string }) =>
      api.post<RoundDetail>(`/api/competition/rounds/${roundId}/${action}`, reason === undefined ? undefined : { reason }),
    onSuccess: store,
  });
}

export function useRaiseObjection(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; villageId: string; text: string }) =>
      api.post<Objection>(`/api/competition/rounds/${roundId}/objections`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: roundKey(roundId) });
      void client.invalidateQueries({ queryKey: ['competition', 'bulletin', roundId] });
    },
  });
}

export function useAnswerObjection(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ objectionId, ...body }: { objectionId: string; outcome: ObjectionOutcome; answer: string }) =>
      api.post<Objection>(`/api/competition/rounds/${roundId}/objections/${objectionId}/answer`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: roundKey(roundId) });
      void client.invalidateQueries({ queryKey: ['competition', 'bulletin', roundId] });
    },
  });
}

export interface Bulletin {
  roundId: string;
  townshipId: string;
  townshipName: string;
  month: string;
  title: string;
  status: RoundStatus;
  publishedOn: string | null;
  publicity: { start: string; end: string } | null;
  maxima: Record<CompetitionPart, number>;
  rows: RankingRow[];
  totals: { rewardsFen: number; deductionsFen: number };
  objections: Objection[];
}

export function useBulletin(roundId: string) {
  return useQuery({
    queryKey: ['competition', 'bulletin', roundId],
    queryFn: ({ signal }) => api.get<Bulletin>(`/api/competition/rounds/${roundId}/bulletin`, { signal }),
    retry: false,
  });
}
