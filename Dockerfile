# Kotae — container image (Debian bookworm, Node.js 20). Build: docker build -t kotae .
# The native addons (better-sqlite3, hnswlib-node) compile in the build stage; the runtime stage has no
# compiler. Configuration comes from KOTAE_* environment variables (see .env.example).
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --ignore-scripts \
 && npm rebuild better-sqlite3 hnswlib-node
COPY . .
RUN npm run build \
 && npm prune --omit=dev

FROM node:20-bookworm-slim
# postgresql-client: pg_dump for the daily backup; fonts-noto-cjk: Japanese text in the PDF reports.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client fonts-noto-cjk tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /app /app
ENV NODE_ENV=production \
    KOTAE_HOST=0.0.0.0 \
    PORT=3978 \
    KOTAE_DATA_DIR=/var/lib/kotae \
    KOTAE_KB_DIR=/srv/kotae-kb
RUN mkdir -p /var/lib/kotae /srv/kotae-kb && chown node:node /var/lib/kotae /srv/kotae-kb
USER node
EXPOSE 3978
VOLUME ["/var/lib/kotae"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "bin/kotae.js", "serve"]
