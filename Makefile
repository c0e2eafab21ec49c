# Every entry point of the project. `make dev` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PNPM ?= npx --yes pnpm@12.4.2
NODE ?= node
# Migration targets: SERVICE=catalog limits them to one service; without DATABASE_URL they use
# the embedded PostgreSQL under .data/ (the same server `make dev` runs).
SERVICE ?=
MIGRATE = $(NODE) packages/common/dist/migrate/cli.js --dir migrations \
	$(if $(SERVICE),--service $(SERVICE),--all) \
	$(if $(DATABASE_URL),--database-url "$(DATABASE_URL)") \
	$(if $(ALLOW_MISSING),--allow-missing)

.PHONY: install build dev up k8s k8s-check compose test canary lint bench proto clean service \
	migrate-up migrate-up-by-one migrate-up-to migrate-down migrate-down-to migrate-redo \
	migrate-reset migrate-status migrate-version migrate-create migrate-validate

node_modules/.modules.yaml: package.json pnpm-lock.yaml pnpm-workspace.yaml $(wildcard */*/package.json runner/package.json bench/package.json)
	$(PNPM) install --frozen-lockfile
	@touch $@

install: node_modules/.modules.yaml

build: install
	$(PNPM) run build

dev: build
	$(NODE) runner/dist/main.js

# Distributed mode on this machine: a real Kafka (scripts/kafka), a standalone PostgreSQL, migrations as a step
# of their own, then every service as its own process (runner/src/distributed.ts). Ctrl-C stops it all.
# JAEGER=1 also builds (once) and starts a real Jaeger that every service exports its traces to.
up: build
	$(if $(JAEGER),bash scripts/install-jaeger.sh &&) UP_JAEGER=$(JAEGER) $(NODE) runner/dist/up.js

# k8s/base from the service registry and the event catalog (scripts/k8s/generate.mjs); k8s-check renders every
# overlay with kustomize and validates it offline against the Kubernetes and operator schemas (as CI does).
k8s: build
	$(NODE) scripts/k8s/generate.mjs
k8s-check: build
	bash scripts/k8s/validate.sh

# docker-compose.yml and observability/prometheus/prometheus.yml from the registry (scripts/compose/generate.mjs).
compose: build
	$(NODE) scripts/compose/generate.mjs

test: build
	$(NODE) packages/proto/scripts/generate.mjs --lint-only
	$(NODE) node_modules/typescript/bin/tsc -p tsconfig.tests.json
	$(PNPM) exec vitest run

# The CI canary: a deliberately failing test through the same vitest configuration and global setup.
# Passes only when that run exits non-zero; if it exits 0, a red test could never fail `make test`.
canary: build
	@out=$$(VITEST_CANARY=1 NO_COLOR=1 $(PNPM) exec vitest run 2>&1); code=$$?; \
	if [ $$code -eq 0 ]; then echo "canary: the deliberately failing test exited 0, so a failing test cannot fail 'make test' or CI"; exit 1; fi; \
	if ! grep -q 'Tests  1 failed' <<<"$$out"; then echo "$$out"; echo "canary: vitest exited $$code without running the canary test"; exit 1; fi; \
	echo "canary: the deliberately failing test made vitest exit $$code, as it must"

# A new core service on the service kit (scripts/new-service.mjs): proto, migrations, layers, test, README and
# its place in the runner; then installs (the new workspace package) and builds it. HTTP=/GRPC= set its ports
# when DESIGN.md gives none.
service: build
	@test -n "$(NAME)" || { echo "usage: make service NAME=pricing [HTTP=8002 GRPC=9002]"; exit 2; }
	$(NODE) scripts/new-service.mjs $(NAME) $(if $(HTTP),--http-port $(HTTP)) $(if $(GRPC),--grpc-port $(GRPC))
	# The new workspace package changes the lockfile (commit it with the service); pnpm would refuse under CI=true.
	$(PNPM) install --no-frozen-lockfile
	$(PNPM) run build
	$(NODE) scripts/k8s/generate.mjs
	$(NODE) scripts/compose/generate.mjs
	@echo "service $(NAME): run its test with: $(PNPM) exec vitest run services-core/$(NAME)"

# Type-checks everything (the build is the strict type check of the sources, tsconfig.tests.json that of the
# tests, where a misspelt event type or a wrong payload must fail too) and runs buf lint on proto/.
lint: build
	$(NODE) packages/proto/scripts/generate.mjs --lint-only
	$(NODE) node_modules/typescript/bin/tsc -p tsconfig.tests.json

# Regenerates packages/proto/src/gen and the reflection descriptor set from proto/ (also part of `make build`).
proto: install
	$(NODE) packages/proto/scripts/generate.mjs

# make bench [ONLY=<part of a name>] [BENCH_JSON=<file>] [BENCH_ROUNDS=3] [BENCH_SECONDS=4]: every server in its own
# process, medians of the rounds printed and written as JSON (default bench/results/latest.json); see README.
bench: build
	$(NODE) bench/dist/main.js

clean:
	rm -rf node_modules */*/node_modules */*/dist */dist */*/*.tsbuildinfo

migrate-up: build
	$(MIGRATE) up
migrate-up-by-one: build
	$(MIGRATE) up-by-one
migrate-up-to: build
	$(MIGRATE) up-to $(VERSION)
migrate-down: build
	$(MIGRATE) down
migrate-down-to: build
	$(MIGRATE) down-to $(VERSION)
migrate-redo: build
	$(MIGRATE) redo
migrate-reset: build
	$(MIGRATE) reset
migrate-status: build
	$(MIGRATE) status
migrate-version: build
	$(MIGRATE) version
migrate-validate: build
	$(MIGRATE) validate
migrate-create: build
	@test -n "$(SERVICE)" -a -n "$(NAME)" || { echo "usage: make migrate-create SERVICE=catalog NAME=add_x"; exit 2; }
	$(MIGRATE) create $(NAME)
