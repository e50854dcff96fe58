/*
 * table.c: aligned text tables (see table.h).
 */
#include "render/table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct column {
	char *heading; /* owned */
	enum table_align align;
	size_t max;   /* width cap in characters, 0 for none */
	size_t width; /* widest cell or heading, capped */
	bool used;    /* some cell is non-empty; only such columns print */
};

struct table {
	struct column *columns; /* n_columns of them */
	size_t n_columns;
	size_t alloc_columns;
	char **cells; /* row-major, n_cells filled */
	size_t n_cells;
	size_t alloc_cells;
	bool *gaps; /* gaps[r]: blank line before row r */
	size_t alloc_gaps;
	bool pending_gap; /* table_gap called since the last row began */
};

struct table *table_new(void)
{
	return xcalloc(1, sizeof(struct table));
}

void table_free(struct table *t)
{
	if (!t) {
		return;
	}
	for (size_t i = 0; i < t->n_columns; i++) {
		free(t->columns[i].heading);
	}
	for (size_t i = 0; i < t->n_cells; i++) {
		free(t->cells[i]);
	}
	free(t->columns);
	free(t->cells);
	free(t->gaps);
	free(t);
}

/* Characters in a UTF-8 string: every byte that does not continue one. */
static size_t text_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80) {
			n++;
		}
	}
	return n;
}

void table_column(struct table *t, const char *heading, enum table_align align, size_t max)
{
	struct column *c;

	xgrow((void **)&t->columns, &t->alloc_columns, t->n_columns + 1, sizeof(*t->columns));
	c = &t->columns[t->n_columns++];
	memset(c, 0, sizeof(*c));
	c->heading = xstrdup(heading ? heading : "");
	c->align = align;
	c->max = max;
	c->width = text_width(c->heading);
	if (max && c->width > max) {
		c->width = max;
	}
}

size_t table_rows(const struct table *t)
{
	return t->n_columns ? (t->n_cells + t->n_columns - 1) / t->n_columns : 0;
}

void table_cell(struct table *t, const char *text)
{
	size_t col = t->n_cells % t->n_columns;
	size_t row = t->n_cells / t->n_columns;
	struct column *c = &t->columns[col];
	size_t w;

	if (col == 0) {
		xgrow((void **)&t->gaps, &t->alloc_gaps, row + 1, sizeof(*t->gaps));
		t->gaps[row] = t->pending_gap;
		t->pending_gap = false;
	}
	xgrow((void **)&t->cells, &t->alloc_cells, t->n_cells + 1, sizeof(*t->cells));
	t->cells[t->n_cells++] = xstrdup(text ? text : "");
	w = text ? text_width(text) : 0;
	if (c->max && w > c->max) {
		w = c->max;
	}
	if (w > c->width) {
		c->width = w;
	}
	if (w) {
		c->used = true;
	}
}

void table_cellf(struct table *t, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	table_cell(t, sb.buf);
	strbuf_release(&sb);
}

void table_cell_take(struct table *t, struct strbuf *sb)
{
	table_cell(t, sb->buf);
	strbuf_reset(sb);
}

void table_gap(struct table *t)
{
	t->pending_gap = true;
}

/* Append s, at most max characters (0: all), control characters as
 * spaces; an overlong cell ends in "…". Returns the characters written. */
static size_t add_clipped(struct strbuf *out, const char *s, size_t max)
{
	size_t n = 0, total = text_width(s);

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		bool starts_char = (*p & 0xc0) != 0x80;

		if (starts_char && max && total > max && n == max - 1) {
			strbuf_adds(out, "…");
			return max;
		}
		if (starts_char) {
			n++;
		}
		strbuf_addch(out, *p < 0x20 || *p == 0x7f ? ' ' : *p);
	}
	return n;
}

static void add_cell(struct strbuf *out, const struct column *c, const char *text, bool last)
{
	size_t w = c->max && text_width(text) > c->max ? c->max : text_width(text);

	if (c->align == TABLE_RIGHT) {
		strbuf_addchars(out, ' ', c->width - w);
		add_clipped(out, text, c->max);
	} else {
		add_clipped(out, text, c->max);
		if (!last) {
			strbuf_addchars(out, ' ', c->width - w);
		}
	}
}

static void render_row(const struct table *t, struct strbuf *out, char *const *cells,
                       size_t n_cells)
{
	size_t start = out->len;
	bool first = true;
	size_t last = 0;

	for (size_t i = 0; i < t->n_columns; i++) {
		if (t->columns[i].used) {
			last = i;
		}
	}
	for (size_t i = 0; i < t->n_columns; i++) {
		if (!t->columns[i].used) {
			continue;
		}
		if (!first) {
			strbuf_adds(out, "  ");
		}
		first = false;
		add_cell(out, &t->columns[i], i < n_cells ? cells[i] : "", i == last);
	}
	while (out->len > start && out->buf[out->len - 1] == ' ') {
		strbuf_setlen(out, out->len - 1);
	}
	strbuf_addch(out, '\n');
}

void table_render(const struct table *t, struct strbuf *out, bool bold)
{
	bool any_heading = false;
	char **headings;

	if (!t->n_columns) {
		return;
	}
	headings = xcalloc(t->n_columns, sizeof(*headings));
	for (size_t i = 0; i < t->n_columns; i++) {
		headings[i] = t->columns[i].heading;
		/* only the headings of printed columns count */
		any_heading |= t->columns[i].used && headings[i][0] != '\0';
	}
	if (any_heading) {
		if (bold) {
			strbuf_adds(out, "\033[1m");
		}
		render_row(t, out, headings, t->n_columns);
		if (bold) {
			/* keep the reset before the newline so the next line is plain */
			strbuf_setlen(out, out->len - 1);
			strbuf_adds(out, "\033[0m\n");
		}
	}
	free(headings);
	for (size_t r = 0; r < table_rows(t); r++) {
		size_t first = r * t->n_columns;
		size_t n = t->n_cells - first < t->n_columns ? t->n_cells - first : t->n_columns;

		if (t->gaps[r]) {
			strbuf_addch(out, '\n');
		}
		render_row(t, out, t->cells + first, n);
	}
}
