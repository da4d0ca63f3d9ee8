# syntax=docker/dockerfile:1
# Multi-stage: dependencies are installed (and better-sqlite3 compiled if no prebuilt binary fits) in a build
# stage; the runtime stage holds only production dependencies, the sources and the data files, and runs as the
# unprivileged `node` user. node itself is the process that receives SIGTERM (exec-form CMD, no npm or shell in
# between; compose adds `init: true` so an init reaps zombies and forwards signals).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Production dependencies only; wechaty (an optional dependency) is left out: set INSTALL_WECHAT=1 to keep it.
ARG INSTALL_WECHAT=0
# --omit=optional also drops esbuild's platform binary package; esbuild's install script then fetches it, and the
# check below fails the build if esbuild or better-sqlite3 could not get their native parts.
RUN if [ "$INSTALL_WECHAT" = "1" ]; then npm ci --omit=dev; else npm ci --omit=dev --omit=optional; fi \
  && node -e "require('esbuild').transformSync('const a: number = 1', { loader: 'ts' }); new (require('better-sqlite3'))(':memory:').close()" \
  && npm cache clean --force
# Bundle src/ into dist/server.cjs (esbuild, a production dependency): the container starts compiled JavaScript,
# no tsx. The build also validates knowledge/ and rules/ and writes dist/knowledge-snapshot.bin (cards, rules, index,
# lexicon) that the server starts from while those files are unchanged, and runs the server once on a loopback port
# for a few chat turns so that dist/server.cjs.cache (V8's compiled code) is in the image.
COPY scripts ./scripts
COPY src ./src
COPY knowledge ./knowledge
COPY rules ./rules
COPY prompts ./prompts
RUN node scripts/build.mjs

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/dist ./dist
COPY package.json tsconfig.json ./
COPY src ./src
COPY knowledge ./knowledge
COPY rules ./rules
COPY prompts ./prompts
COPY bots ./bots
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
