# Two commands matter: `make run` (the app with demo data on SQLite) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install assets messages static worker lint clean

run: install assets
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	DEBUG=1 $(BIN)/python manage.py runserver $(PORT)

# Serial tests alone, then the rest on TEST_WORKERS processes (scripts/run_tests.sh; tests/README.md).
test: install static
	scripts/run_tests.sh

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Compile GOV.UK Frontend (without the GDS Transport font) with our own styles.
assets: node_modules/.installed
	npm run --silent build

# Each language's catalogue (locale/) compiled to the .mo Django reads, with polib: no msgfmt needed.
messages: $(VENV)/.installed
	DEBUG=1 $(BIN)/python manage.py compile_catalogues

# Tests run with DEBUG off, so static files are served from the hashed manifest, as in production.
static: assets messages
	DEBUG=1 $(BIN)/python manage.py collectstatic --noinput --verbosity 0

# A real Celery worker with the beat scheduler, for when CELERY_BROKER_URL points at Redis.
worker: install
	$(BIN)/celery -A config worker --beat --loglevel INFO

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf staticfiles assets/build
