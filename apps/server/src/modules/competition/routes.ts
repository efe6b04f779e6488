/** The competition (大比武, DOMAIN.md §6): settings and the year, rounds, scoring, publication. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { competitionPublicationRoutes } from './publication-routes';
import { competitionRoundRoutes } from './round-routes';
import { competitionScoringRoutes } from './scoring-routes';
import { competitionSettingsRoutes } from './settings-routes';

export const competitionRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(competitionSettingsRoutes);
  await app.register(competitionRoundRoutes);
  await app.register(competitionScoringRoutes);
  await app.register(competitionPublicationRoutes);
};
