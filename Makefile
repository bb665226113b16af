# Concerto — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: install run serve backup test catalogues lint messages bench load faults

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

## run: set up everything, load the demo partnerships and serve on 127.0.0.1:$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## serve: Concerto on this machine for real: production settings (serve.env, created once with a random key),
## SQLite in WAL mode, gunicorn on 127.0.0.1:$(PORT). See README, "make serve".
serve: install
	bin/serve $(PORT)

## backup: a restorable archive of the served database and documents, written to backups/ (safe while serving)
backup: install
	bin/serve backup

## test: lint, check migrations and translations, run the whole suite
test: install catalogues
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

# The compiled catalogues, rebuilt only when their source changed (as compilemessages does it: msgfmt
# --check-format), so that two `make test` at once (SQLite and PostgreSQL, .ci/run) never write them together.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po locale/overrides/*/LC_MESSAGES/django.po))
catalogues: $(CATALOGUES)
%.mo: %.po
	msgfmt --check-format -o $@ $<

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

## messages: refresh the catalogues from the French source strings. English is translated by people (new and
## fuzzy entries are listed by the locale test). In the French catalogue every translation is the source itself
## (msgfilter empties, msgen refills), so that French plurals follow French rules (0 or 1: singular) and Django's
## own French catalogue never replaces our words.
FR_PO := locale/fr/LC_MESSAGES/django.po
messages: install
	$(PY) manage.py makemessages -l en -l fr --ignore=.venv --ignore=staticfiles --ignore=bench/results --no-obsolete
	msgfilter -i $(FR_PO) -o $(FR_PO).tmp --keep-header sh -c 'cat >/dev/null'
	msgen $(FR_PO).tmp -o $(FR_PO).tmp
	msgattrib --clear-fuzzy --clear-previous $(FR_PO).tmp -o $(FR_PO)
	rm $(FR_PO).tmp
	$(PY) manage.py compilemessages --ignore=.venv

## bench: time the main pages on a province-scale data set (see bench/README.md)
bench: install
	$(PY) -m bench

## load: the production stack (PostgreSQL, Redis, two gunicorn processes) under 100 simulated users for 5 minutes
## (see bench/README.md, "make load"); LOAD_ARGS passes options, e.g. LOAD_ARGS="--knee 50,100,150,200"
$(VENV)/.load-installed: $(VENV)/.installed requirements-load.txt
	$(PY) -m pip install --quiet -r requirements-load.txt
	touch $@

load: $(VENV)/.load-installed
	$(PY) -m bench.load $(LOAD_ARGS)

## faults: the fault drills under load: database restart, Redis down, an app process killed, media unwritable
faults: $(VENV)/.load-installed
	$(PY) -m bench.load.faults $(FAULTS_ARGS)
