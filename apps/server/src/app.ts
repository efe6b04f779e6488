/**
 * Builds the Fastify application from its dependencies. Tests build it with an in-memory
 * database and a fixed clock and talk to it through `inject`; server.ts builds it with the real
 * ones and listens.
 */

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps';
import { BackgroundJobs } from './lib/background';
import { accountabilityRoutes } from './modules/accountability/routes';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { campaignRoutes } from './modules/campaigns/routes';
import { competitionRoutes } from './modules/competition/routes';
import { dashboardRoutes } from './modules/dashboard/routes';
import { healthRoutes } from './modules/health/routes';
import { registryRoutes } from './modules/households/registry-routes';
import { householdRoutes } from './modules/households/routes';
import { importRoutes } from './modules/imports/routes';
import { inspectionRoutes } from './modules/inspections/routes';
import { inspectionSummaryRoutes } from './modules/inspections/summary-routes';
import { notificationRoutes } from './modules/notifications/routes';
import { orgRoutes } from './modules/org/routes';
import { orderRoutes } from './modules/problems/order-routes';
import { problemReportRoutes } from './modules/problems/report-routes';
import { problemRoutes } from './modules/problems/routes';
import { ruleRoutes } from './modules/rules/routes';
import { rosterRoutes } from './modules/users/roster-routes';
import { userRoutes } from './modules/users/routes';
import { reviewRoutes } from './modules/visits/review-routes';
import { visitRoutes } from './modules/visits/routes';
import { summaryRoutes } from './modules/visits/summary-routes';
import { workUnitRoutes } from './modules/work-units/routes';
import accessPlugin from './plugins/access';
import { errorBody, registerErrorHandler } from './plugins/errors';
import { validatorCompiler } from './plugins/validation';

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.LOG_LEVEL, redact: ['req.headers.cookie', 'res.headers["set-cookie"]'] },
    genReqId: () => randomUUID().slice(0, 8),
    bodyLimit: 2 * 1024 * 1024,
    // Only a proxy we know may name the client's address: anyone else could send X-Forwarded-For
    // and step around the per-address login limit.
    trustProxy: deps.config.TRUST_PROXY,
    // A path the router cannot read (bad %-escape, an id over 100 characters) is answered in the
    // API's own shape and language, not Fastify's English default.
    frameworkErrors: (error, req, reply) => {
      const answer = reply as unknown as FastifyReply;
      answer.status(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400).header('x-content-type-options', 'nosniff');
      return answer.send(errorBody('zh-CN', req.id, 'VALIDATION_FAILED'));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorate('jobs', new BackgroundJobs((name, error) => app.log.error({ err: error }, `background job ${name} failed`)));
  app.addHook('onClose', () => app.jobs.idle());

  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Over plain HTTP (a township's own network) upgrading every request to HTTPS would
        // leave the page without its scripts: only behind HTTPS, like HSTS below.
        upgradeInsecureRequests: deps.config.COOKIE_SECURE ? [] : null,
      },
    },
    // Served over plain HTTP on a township's own network as often as behind HTTPS.
    strictTransportSecurity: deps.config.COOKIE_SECURE,
  });
  await app.register(rateLimit, { global: false });
  // One file per request; registry files of 100,000 households are about 30 MB.
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(accessPlugin, { db: deps.database.db });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Fupin 扶贫 API', version: '0.1.0', description: '大走访 · 大排查 · 大比武' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fupin_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(userRoutes);
  await app.register(rosterRoutes);
  await app.register(workUnitRoutes);
  await app.register(auditRoutes);
  await app.register(householdRoutes);
  await app.register(importRoutes);
  await app.register(registryRoutes);
  await app.register(ruleRoutes);
  await app.register(campaignRoutes);
  await app.register(visitRoutes);
  await app.register(reviewRoutes);
  await app.register(summaryRoutes);
  await app.register(problemRoutes);
  await app.register(problemReportRoutes);
  await app.register(orderRoutes);
  await app.register(inspectionRoutes);
  await app.register(inspectionSummaryRoutes);
  await app.register(competitionRoutes);
  await app.register(dashboardRoutes);
  await app.register(accountabilityRoutes);
  await app.register(notificationRoutes);

  const dist = deps.config.WEB_DIST;
  const hasWeb = dist !== '' && existsSync(join(dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      preCompressed: true,
      wildcard: true,
      index: false,
      // Hashed file names never change; the shell and the service worker must revalidate.
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (hasWeb && wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply
      .status(404)
      .send(errorBody(req.lang, req.id, 'NOT_FOUND', { entity: req.url.startsWith('/api/') ? 'API' : req.url }));
  });

  return app;
}
