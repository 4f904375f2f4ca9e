# The two commands a newcomer needs: `make demo` and `make test`.
# Everything they need is installed into .venv from pyproject.toml, pinned by constraints.txt.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PACKAGE_STAMP := $(VENV)/.installed-package
PYTEST_ARGS ?=
# pytest-xdist workers: one per core ("auto"); PYTEST_WORKERS=0 runs in this one process.
PYTEST_WORKERS ?= auto
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' pos_app/__init__.py)
BUNDLE := dist/pos-app
ARCHIVE := dist/pos-app-$(VERSION)-linux-$(shell uname -m).tar.gz
# What a bundle is built from: rebuilt by package-check when one of these changed.
BUNDLE_SOURCES := $(shell find pos_app resources packaging translations -type f -not -path '*/__pycache__/*' 2>/dev/null)

# Qt Linguist catalogues: translations/*.ts are the sources (in git), the .qm files the
# app loads are built from them into resources/translations/.
LANGUAGES := nl de
TS_FILES := $(foreach lang,$(LANGUAGES),translations/pos_app_$(lang).ts)
QM_FILES := $(foreach lang,$(LANGUAGES),resources/translations/pos_app_$(lang).qm)
# lupdate reads a module's `_tr("…")` and a service's `phrase("…")` as `tr("…")` (see
# pos_app/ui/i18n.py); of the services, only the checks' rows are shown translated.
LUPDATE_ARGS := -tr-function-alias tr+=_tr,tr+=phrase -locations none -no-obsolete -source-language en
LUPDATE_SERVICES := pos_app/services/checks.py pos_app/services/doctor.py pos_app/services/live_check.py

.PHONY: demo test lint typecheck pytest venv lock clean package package-check translations update-translations

# Re-install whenever the dependency declaration or the lock changes.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

# The bundle's Pillow (python-escpos draws the slip's QR code with it for printers without
# a QR command): only its core, built here from source. The wheel from PyPI carries JPEG,
# TIFF, JPEG 2000, WebP, AVIF, FreeType, LCMS and XCB libraries that a 1-bit QR picture
# never uses, about 6 MB of the bundle. The core is compiled for size (-Os: 0.33 MB instead
# of 0.69 MB; a slip's one small picture does not need its speed). Needs a C compiler and
# Python's headers (python3-dev) on the machine that builds the bundle.
PILLOW_CORE_ONLY := $(foreach part,zlib jpeg tiff freetype raqm lcms webp jpeg2000 imagequant xcb avif,-C $(part)=disable)

# PyInstaller only for building the bundle: `make demo` and `make test` do not need it.
$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,package]'
	CFLAGS=-Os $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt \
	  --force-reinstall --no-deps --no-cache-dir --no-binary pillow $(PILLOW_CORE_ONLY) pillow
	@touch $(PACKAGE_STAMP)

venv: $(STAMP)

resources/translations/pos_app_%.qm: translations/pos_app_%.ts $(STAMP)
	@mkdir -p resources/translations
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM_FILES)

# After changing texts in the code: collect them into the .ts files for translating.
update-translations: $(STAMP)
	for lang in $(LANGUAGES); do \
	  $(BIN)/pyside6-lupdate $(LUPDATE_ARGS) -target-language $$lang \
	    $$(find pos_app/ui -name '*.py' | sort) $(LUPDATE_SERVICES) \
	    -ts translations/pos_app_$$lang.ts; \
	done

demo: $(STAMP) translations
	$(BIN)/pos-app --demo $(ARGS)

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# pytest exits 5 when it collected nothing; make treats that as the failure it is.
# worksteal: an idle worker takes queued tests from a busy one, so a few long tests (the
# fuzzing, the app started as a process) do not leave one core waiting at the end.
pytest: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# The one-folder bundle for counter PCs (packaging/pos-app.spec) and, on Linux, the archive
# a shop's IT person unpacks (with the desktop entry and install.sh).
package: $(PACKAGE_STAMP) translations
	rm -rf $(BUNDLE)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/pos-app.spec
	cp packaging/linux/pos-app.desktop packaging/linux/install.sh packaging/linux/README.md $(BUNDLE)/
	tar -C dist -czf $(ARCHIVE) pos-app
	@$(BIN)/python benchmarks/bundle.py --bundle $(BUNDLE) --size-only

$(BUNDLE)/pos-app: $(PACKAGE_STAMP) $(BUNDLE_SOURCES)
	$(MAKE) package

# The bundle proves it carries its resources and Qt plugins: exit status 0 or the target fails.
package-check: $(BUNDLE)/pos-app
	QT_QPA_PLATFORM=offscreen $(BUNDLE)/pos-app --self-test
	QT_QPA_PLATFORM=offscreen POS_APP_LANGUAGE=nl $(BUNDLE)/pos-app --self-test

# Refresh constraints.txt from what is installed (after changing pyproject.toml).
lock: $(PACKAGE_STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^#' > constraints.txt

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
