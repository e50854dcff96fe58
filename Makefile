# A thin Makefile over Meson: `make` builds build/knead, `make run` shows
# it working, `make test` runs every test. Each first installs what is
# missing (scripts/bootstrap). See README.md.

BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
MESON ?= meson
FUZZ_SECONDS ?= 60

# Sanitizer runs stop at the first report and fail the test.
SAN_ENV = ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

.PHONY: all bootstrap run test asan valgrind fuzz bench install clean

all: bootstrap $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

bootstrap:
	@sh scripts/bootstrap

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD)

# Where `make run` serves: make run LISTEN=127.0.0.1:8081 if 8080 is taken.
LISTEN ?= 127.0.0.1:8080

run: all
	@sh scripts/example $(BUILD)/knead $(BUILD)/demo.db $(LISTEN)

test: all
	@sh scripts/bootstrap --test
	$(MESON) test -C $(BUILD) --print-errorlogs

asan: bootstrap
	@sh scripts/bootstrap --test
	@test -f $(ASAN_BUILD)/build.ninja || $(MESON) setup $(ASAN_BUILD) \
		-Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args=-fno-sanitize-recover=all
	$(SAN_ENV) $(MESON) test -C $(ASAN_BUILD) --print-errorlogs

# Every knead run under valgrind is some twenty times slower: the longer
# scenarios need more than their usual time limit.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --suppressions=$(CURDIR)/tests/valgrind.supp

valgrind: all
	KNEAD_WRAPPER="$(VALGRIND)" \
	$(MESON) test -C $(BUILD) --print-errorlogs --suite cli --timeout-multiplier 5
	$(MESON) test -C $(BUILD) --print-errorlogs --suite unit \
		--wrapper '$(VALGRIND)'

fuzz:
	@sh scripts/bootstrap --fuzz
	@test -f $(FUZZ_BUILD)/build.ninja || CC=clang $(MESON) setup $(FUZZ_BUILD) \
		-Dfuzzers=true -Dtests=false -Dbuildtype=debugoptimized \
		-Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args=-fno-sanitize-recover=all
	$(MESON) compile -C $(FUZZ_BUILD)
	sh tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: all
	@sh scripts/bootstrap --bench
	$(BUILD)/bench/import --build $(BUILD) --bench bench
	$(BUILD)/bench/load
	sh bench/web $(BUILD)/knead

install: all
	$(MESON) install -C $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
