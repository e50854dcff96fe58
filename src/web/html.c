/*
 * html.c: the escaping writer and the shared page frame (see html.h).
 */
#include "web/html.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/bug.h"

void html_escape(struct strbuf *sb, const char *text)
{
	strbuf_add_markup_escaped(sb, text);
}

void html_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char c[2] = { 0, 0 };

	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			strbuf_addch(sb, *p);
			continue;
		}
		p++;
		if (*p == 's') {
			html_escape(sb, va_arg(ap, const char *));
		} else if (*p == 'd') {
			strbuf_addf(sb, "%d", va_arg(ap, int));
		} else if (*p == 'c') {
			c[0] = (char)va_arg(ap, int);
			html_escape(sb, c);
		} else if (*p == '%') {
			strbuf_addch(sb, '%');
		} else if (!strncmp(p, "ld", 2)) {
			strbuf_addf(sb, "%ld", va_arg(ap, long));
			p++;
		} else if (!strncmp(p, "lld", 3)) {
			strbuf_addf(sb, "%lld", va_arg(ap, long long));
			p += 2;
		} else if (!strncmp(p, "zu", 2)) {
			strbuf_addf(sb, "%zu", va_arg(ap, size_t));
			p++;
		} else {
			BUG("html_addf: unsupported conversion in \"%s\"", fmt);
		}
	}
	va_end(ap);
}

/* The navigation bar: a page without a path is not written yet and shows
 * as plain text, so no link leads to a 404. */
static const struct {
	const char *label;
	const char *path;
} nav[HTML_NAV_COUNT] = {
	[HTML_NAV_TODAY] = { "Today", "/" },
	[HTML_NAV_CALENDAR] = { "Calendar", "/calendar" },
	[HTML_NAV_LOG] = { "Log", "/log" },
	[HTML_NAV_BODY] = { "Body", "/body" },
	[HTML_NAV_TRAINING] = { "Training", "/training" },
	[HTML_NAV_RECOVERY] = { "Recovery", "/recovery" },
	[HTML_NAV_IMPORT] = { "Import", "/import" },
	[HTML_NAV_SETTINGS] = { "Settings", "/settings" },
};

void html_page_begin(struct strbuf *sb, const char *title, enum html_nav current)
{
	strbuf_adds(sb,
	            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	html_addf(sb, "<title>%s - knead</title>\n", title);
	strbuf_adds(sb, "<link rel=\"stylesheet\" href=\"/assets/knead.css\">\n"
	                "<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\">\n"
	                "<script src=\"/assets/knead.js\" defer></script>\n</head>\n<body>\n"
	                "<nav>\n");
	for (int i = 0; i < HTML_NAV_COUNT; i++) {
		const char *cur = i == (int)current ? " aria-current=\"page\"" : "";

		if (nav[i].path) {
			html_addf(sb, "<a href=\"%s\"", nav[i].path);
			strbuf_addf(sb, "%s>", cur);
			html_escape(sb, nav[i].label);
			strbuf_adds(sb, "</a>\n");
		} else {
			strbuf_addf(sb, "<span%s>", cur);
			html_escape(sb, nav[i].label);
			strbuf_adds(sb, "</span>\n");
		}
	}
	strbuf_adds(sb, "</nav>\n<main>\n");
	html_addf(sb, "<h1>%s</h1>\n", title);
}

void html_page_end(struct strbuf *sb)
{
	strbuf_adds(sb, "</main>\n</body>\n</html>\n");
}
