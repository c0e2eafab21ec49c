# syntax=docker/dockerfile:1
# One image per service, from this one file:
#   docker build --build-arg SERVICE=order -t ecommerce/order:0.1.0 .
# The build stage compiles the whole workspace (protos included); the prune stage reinstalls only the production
# dependencies of that service and its workspace packages; the runtime image holds those, the compiled output and
# the service's migrations (for its migration Job), runs as an unprivileged user and starts `node dist/main.js`.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV CI=true
COPY . .
RUN npx --yes pnpm@12.4.2 install --frozen-lockfile && npx --yes pnpm@12.4.2 run build

FROM build AS prune
ARG SERVICE
RUN test -n "$SERVICE" || { echo "--build-arg SERVICE=<name> is required (a directory under services-lite or services-core)" >&2; exit 1; }
RUN set -eu; \
    dir="$(ls -d services-lite/"$SERVICE" services-core/"$SERVICE" 2>/dev/null | head -n1)"; \
    test -n "$dir" || { echo "no service named $SERVICE" >&2; exit 1; }; \
    find . -name node_modules -type d -prune -exec rm -rf {} +; \
    npx --yes pnpm@12.4.2 install --frozen-lockfile --prod --filter "@ecommerce/$SERVICE..."; \
    mkdir -p /out; \
    cp -a --parents package.json node_modules \
      packages/common/package.json packages/common/dist packages/common/node_modules \
      packages/proto/package.json packages/proto/dist packages/proto/descriptors packages/proto/node_modules \
      "$dir/package.json" "$dir/dist" "$dir/node_modules" /out; \
    if [ -d "migrations/$SERVICE" ]; then cp -a --parents "migrations/$SERVICE" /out; fi; \
    if [ -d "$dir/templates" ]; then cp -a --parents "$dir/templates" /out; fi; \
    ln -s "/app/$dir" /out/service

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production RUN_MODE=distributed HTTP_HOST=0.0.0.0 GRPC_HOST=0.0.0.0
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
COPY --from=prune /out /app
USER 10001:10001
WORKDIR /app/service
# The migration Job runs from /app: node packages/common/dist/migrate/cli.js --dir migrations --service <name> up
CMD ["node", "dist/main.js"]
