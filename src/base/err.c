/*
 * err.c: filling struct err (see err.h).
 */
#include "base/err.h"

#include <stdio.h>
#include <string.h>

enum err_code err_set(struct err *err, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	if (!err) {
		return code;
	}
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

enum err_code err_prefix(struct err *err, const char *fmt, ...)
{
	char buf[sizeof(err->msg)];
	size_t n, old_len;
	va_list ap;
	int len;

	if (!err) {
		return ERR_OK;
	}
	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	n = len < 0 ? 0 : (size_t)len;
	/* "prefix: " then as much of the old message as still fits */
	if (n + 2 < sizeof(buf)) {
		memcpy(buf + n, ": ", 2);
		n += 2;
		old_len = strlen(err->msg);
		if (old_len > sizeof(buf) - 1 - n) {
			old_len = sizeof(buf) - 1 - n;
		}
		memcpy(buf + n, err->msg, old_len);
		buf[n + old_len] = '\0';
	}
	memcpy(err->msg, buf, sizeof(buf));
	return err->code;
}

void err_clear(struct err *err)
{
	if (err) {
		err->code = ERR_OK;
		err->msg[0] = '\0';
	}
}
