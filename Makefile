# Concerto — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: install run test lint messages bench

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

## test: lint, check migrations and translations, run the whole suite
test: install
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

## messages: refresh the catalogues from the French source strings. English is translated by people; the French
## catalogue repeats the source (msgen) so that French plurals follow French rules (0 or 1 → singular).
messages: install
	$(PY) manage.py makemessages -l en -l fr --ignore=.venv --ignore=staticfiles --ignore=bench/results --no-obsolete
	msgen locale/fr/LC_MESSAGES/django.po -o locale/fr/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages --ignore=.venv

## bench: time the main pages on a province-scale data set (see bench/README.md)
bench: install
	$(PY) -m bench
