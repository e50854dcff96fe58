/*
 * out.c: printing for the command line (see out.h).
 */
#include "cli/out.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct {
	bool color_stdout; /* stdout is a terminal that takes colour */
	bool color_stderr; /* stderr likewise */
} out;

static bool wants_color(int fd)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (no_color && *no_color) {
		return false;
	}
	if (term && strcmp(term, "dumb") == 0) {
		return false;
	}
	return isatty(fd) == 1;
}

void out_setup(void)
{
	out.color_stdout = wants_color(STDOUT_FILENO);
	out.color_stderr = wants_color(STDERR_FILENO);
}

bool out_color_stdout(void)
{
	return out.color_stdout;
}

bool out_color_stderr(void)
{
	return out.color_stderr;
}

const char *out_sgr(const char *code)
{
	return out.color_stdout ? code : "";
}

__attribute__((format(printf, 4, 0))) static void
message(const char *prefix, const char *label, const char *color, const char *fmt, va_list ap)
{
	fflush(stdout); /* keep the order of interleaved output on a terminal */
	fprintf(stderr, "%s: ", prefix);
	if (label) {
		if (out.color_stderr) {
			fprintf(stderr, "\033[%sm%s\033[0m: ", color, label);
		} else {
			fprintf(stderr, "%s: ", label);
		}
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void out_error(const char *prefix, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	message(prefix, out.color_stderr ? "error" : NULL, "1;31", fmt, ap);
	va_end(ap);
}

void out_warning(const char *prefix, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	message(prefix, "warning", "1;33", fmt, ap);
	va_end(ap);
}

void out_buf(const struct strbuf *sb)
{
	fwrite(sb->buf, 1, sb->len, stdout);
}

void out_json(json_t *value)
{
	json_dumpf(value, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	fputc('\n', stdout);
	json_decref(value);
}

bool out_finish(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "knead: cannot write the output: %s\n", strerror(errno));
		return false;
	}
	return true;
}
