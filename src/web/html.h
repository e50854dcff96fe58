/*
 * html.h: writing HTML safely, and the frame every page shares.
 *
 * Text from the runner or from a file reaches HTML only through
 * html_escape (or html_addf, whose %s arguments it escapes); strbuf_adds
 * is for literal markup. As in Fossil's %h.
 */
#ifndef KNEAD_WEB_HTML_H
#define KNEAD_WEB_HTML_H

#include "base/strbuf.h"

/* Append text with & < > " ' escaped, so it is safe in an element's
 * content and in a quoted attribute. NULL appends nothing. */
void html_escape(struct strbuf *sb, const char *text);

/* Append fmt with every %s argument escaped by html_escape; %d, %ld,
 * %lld, %zu, %% and %c (escaped too) are supported, nothing else (a bug). */
__attribute__((format(printf, 2, 3))) void html_addf(struct strbuf *sb, const char *fmt, ...);

/* The pages of the navigation bar, in order. */
enum html_nav {
	HTML_NAV_NONE = -1, /* an error page: nothing is the current page */
	HTML_NAV_TODAY,
	HTML_NAV_CALENDAR,
	HTML_NAV_LOG,
	HTML_NAV_BODY,
	HTML_NAV_TRAINING,
	HTML_NAV_RECOVERY,
	HTML_NAV_IMPORT,
	HTML_NAV_SETTINGS,
	HTML_NAV_COUNT,
};

/* Start a page: doctype, head (title, viewport for phones, the style
 * sheet), the navigation bar with current marked, and <main>. */
void html_page_begin(struct strbuf *sb, const char *title, enum html_nav current);

/* Close <main> and the page. */
void html_page_end(struct strbuf *sb);

#endif
